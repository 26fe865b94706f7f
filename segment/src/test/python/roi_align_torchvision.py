#!/usr/bin/env python3
"""Reference outputs of torchvision.ops.roi_align for RoiAlignTorchvisionTest.

Writes OUT_DIR/roi-align-torchvision.json (cases, shapes, versions, agreement figures) and
OUT_DIR/roi-align-torchvision.bin (the arrays, float32 little-endian, offsets in the JSON):
for every case the inputs (features, boxes, batch indices, upstream gradient) and torchvision's
forward output and the gradient of sum(output * upstream) with respect to the features, computed
in float32 on the CPU. The same is computed in float64 on the CPU and, when a GPU is present, in
float32 on it; the largest differences to the stored float32 CPU answer go into the JSON, so a
reader sees how much torchvision's own devices and precisions disagree.

Needs PyTorch and torchvision (it runs on the GPU machine some sessions are lent; nothing in
OrganDose needs it). Usage: roi_align_torchvision.py OUT_DIR
"""
import json
import os
import sys

import numpy as np
import torch
import torchvision
from torchvision.ops import roi_align

# name, (N, C, H, W), output (h, w), spatial scale, sampling ratio, random boxes, binary features
CASES = [
    ("mask head on P2", (2, 3, 32, 32), (28, 28), 0.25, 2, 10, False),
    ("box head on P3", (2, 5, 16, 16), (7, 7), 0.125, 2, 24, False),
    ("mask targets, adaptive sampling", (3, 1, 64, 64), (28, 28), 1.0, 0, 8, True),
    ("small map, adaptive sampling", (2, 3, 10, 13), (3, 5), 1.0, 0, 16, False),
    ("non-square bins, adaptive sampling", (2, 2, 12, 9), (6, 4), 0.5, 0, 16, False),
]


def boxes_for(rng, count, image_w, image_h, scale):
    """Random boxes over and around the image, then the awkward ones."""
    out = []
    for _ in range(count):
        x1 = (rng.random() * 1.4 - 0.2) * image_w
        y1 = (rng.random() * 1.4 - 0.2) * image_h
        out.append([x1, y1, x1 + rng.random() * 0.8 * image_w, y1 + rng.random() * 0.8 * image_h])
    out += [
        [0.3 * image_w, 0.4 * image_h, 0.3 * image_w + 0.05 / scale, 0.4 * image_h + 0.02 / scale],  # tiny
        [0.6 * image_w, 0.5 * image_h, 0.2 * image_w, 0.1 * image_h],  # inverted
        [-3 * image_w, -2 * image_h, -2 * image_w, -image_h],  # entirely outside
        [-image_w, -image_h, 2 * image_w, 2 * image_h],  # covers everything and more
        [0, 0, image_w, image_h],  # exactly the image
        [image_w - 1 / scale, 0, image_w + 1 / scale, image_h],  # straddles the right border
        [-1.5 / scale, -1.5 / scale, 1 / scale, 1 / scale],  # straddles the top-left corner
        [0.2 * image_w, image_h - 0.6 / scale, 0.7 * image_w, image_h + 0.7 / scale],  # bottom border
    ]
    return np.asarray(out, dtype=np.float32)


def pooled(features, rois, out_size, scale, ratio, upstream, dtype, device):
    x = torch.from_numpy(features).to(device=device, dtype=dtype).requires_grad_(True)
    r = torch.from_numpy(rois).to(device=device, dtype=dtype)
    y = roi_align(x, r, out_size, spatial_scale=scale, sampling_ratio=ratio, aligned=True)
    (y * torch.from_numpy(upstream).to(device=device, dtype=dtype)).sum().backward()
    return y.detach().cpu().double().numpy(), x.grad.detach().cpu().double().numpy()


def main(out_dir):
    rng = np.random.default_rng(20261127)
    blob = []
    offset = 0

    def put(array):
        nonlocal offset
        a = np.ascontiguousarray(array, dtype="<f4").ravel()
        blob.append(a.tobytes())
        entry = {"offset": offset, "length": int(a.size)}
        offset += int(a.size)
        return entry

    cases = []
    for name, (n, c, h, w), (oh, ow), scale, ratio, random_boxes, binary in CASES:
        if binary:
            features = (rng.random((n, c, h, w)) < 0.4).astype(np.float32)
        else:
            features = rng.standard_normal((n, c, h, w)).astype(np.float32)
        boxes = boxes_for(rng, random_boxes, w / scale, h / scale, scale)
        k = boxes.shape[0]
        batch = rng.integers(0, n, size=k).astype(np.float32)
        rois = np.concatenate([batch[:, None], boxes], axis=1)
        upstream = rng.standard_normal((k, c, oh, ow)).astype(np.float32)
        out32, grad32 = pooled(features, rois, (oh, ow), scale, ratio, upstream, torch.float32, "cpu")
        out64, grad64 = pooled(features, rois, (oh, ow), scale, ratio, upstream, torch.float64, "cpu")
        agreement = {"float64 CPU": [float(np.abs(out64 - out32).max()), float(np.abs(grad64 - grad32).max())]}
        if torch.cuda.is_available():
            out_gpu, grad_gpu = pooled(features, rois, (oh, ow), scale, ratio, upstream, torch.float32, "cuda")
            agreement["float32 " + torch.cuda.get_device_name(0)] = [
                float(np.abs(out_gpu - out32).max()), float(np.abs(grad_gpu - grad32).max())]
        cases.append({
            "name": name, "features": [n, c, h, w], "boxCount": k, "outputHeight": oh, "outputWidth": ow,
            "spatialScale": scale, "samplingRatio": ratio,
            "maxAbsDifferenceToFloat32Cpu": {key: {"output": v[0], "gradient": v[1]} for key, v in agreement.items()},
            "arrays": {"features": put(features), "boxes": put(boxes), "batchIndices": put(batch),
                       "upstream": put(upstream), "output": put(out32), "gradient": put(grad32)},
        })
        print(f"{name}: {k} boxes, output {list(out32.shape)}; torchvision's other precisions/devices differ by "
              + ", ".join(f"{key} {v[0]:.1e} / {v[1]:.1e}" for key, v in agreement.items()))
    manifest = {
        "producedBy": "segment/src/test/python/roi_align_torchvision.py",
        "reference": "torchvision.ops.roi_align(aligned=True), float32 on the CPU; gradient of sum(output * upstream)",
        "torch": torch.__version__, "torchvision": torchvision.__version__,
        "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "binary": "roi-align-torchvision.bin, float32 little-endian; offsets and lengths in floats",
        "cases": cases,
    }
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "roi-align-torchvision.bin"), "wb") as f:
        f.write(b"".join(blob))
    with open(os.path.join(out_dir, "roi-align-torchvision.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(f"wrote {offset} floats for {len(cases)} cases to {out_dir}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: roi_align_torchvision.py OUT_DIR")
    main(sys.argv[1])
