#!/usr/bin/env python3
"""Reference answers of torchvision's detection building blocks for DetectionOpsTorchvisionTest.

Writes OUT_DIR/detection-ops-torchvision.json with inputs and torchvision's answers for:
box IoU (torchvision.ops.box_iou), non-maximum suppression (ops.nms, ops.batched_nms), box
coding (models.detection._utils.BoxCoder, weights (1,1,1,1) and (10,10,5,5)), anchor matching
(models.detection._utils.Matcher, 0.7/0.3 with low-quality matches and 0.5/0.5 without) and
bilinear upsampling by 2 (nn.functional.interpolate, align_corners=False) with its gradient.
Float inputs are float32 values; float answers are computed in float64 from them.

Needs PyTorch and torchvision (the GPU machine some sessions are lent has both; nothing in
OrganDose needs them). Usage: detection_ops_torchvision.py OUT_DIR
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from torchvision.models.detection._utils import BoxCoder, Matcher
from torchvision.ops import batched_nms, box_iou, nms


def random_boxes(rng, count, size, smallest, largest, centre=None, spread=None):
    """Boxes of width and height in [smallest, largest], inside a size x size image or around a centre."""
    w = rng.uniform(smallest, largest, count)
    h = rng.uniform(smallest, largest, count)
    if centre is None:
        x = rng.uniform(0, size - w)
        y = rng.uniform(0, size - h)
    else:
        x = centre[0] + rng.normal(0, spread, count) - w / 2
        y = centre[1] + rng.normal(0, spread, count) - h / 2
    return np.stack([x, y, x + w, y + h], axis=1).astype(np.float32)


def as_list(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def t64(a):
    return torch.from_numpy(np.asarray(a, dtype=np.float32)).double()


def main(out_dir):
    rng = np.random.default_rng(20261127)
    out = {"producedBy": "segment/src/test/python/detection_ops_torchvision.py",
           "torch": torch.__version__, "torchvision": torchvision.__version__}

    a = random_boxes(rng, 12, 256, 4, 120)
    b = random_boxes(rng, 9, 256, 4, 120)
    out["boxIou"] = {"a": as_list(a), "b": as_list(b), "iou": as_list(box_iou(t64(a), t64(b)))}

    # clusters of overlapping boxes, as detections of a few organs
    clusters = [random_boxes(rng, 40, 256, 20, 90, centre=c, spread=12) for c in [(60, 80), (170, 90), (120, 190)]]
    boxes = np.concatenate(clusters + [random_boxes(rng, 30, 256, 8, 60)])
    scores = rng.permutation(len(boxes)).astype(np.float32) / len(boxes)  # distinct: no ties to break
    classes = rng.integers(0, 4, len(boxes))
    out["nms"] = {"boxes": as_list(boxes), "scores": as_list(scores), "classes": [int(c) for c in classes],
                  "byThreshold": [{"iouThreshold": thr,
                                   "kept": [int(i) for i in nms(t64(boxes), t64(scores), thr)],
                                   "keptPerClass": [int(i) for i in batched_nms(t64(boxes), t64(scores),
                                                                               torch.from_numpy(classes), thr)]}
                                  for thr in (0.3, 0.5, 0.7)]}

    references = random_boxes(rng, 25, 256, 8, 120)
    targets = np.concatenate([references[:20] + rng.normal(0, 6, (20, 4)).astype(np.float32),
                              random_boxes(rng, 5, 256, 8, 120)]).astype(np.float32)
    targets[:, 2:] = np.maximum(targets[:, 2:], targets[:, :2] + 2)
    wild = rng.normal(0, 2, (25, 4)).astype(np.float32)
    wild[:3, 2:] = 12  # beyond the size clip
    coding = []
    for weights in [(1.0, 1.0, 1.0, 1.0), (10.0, 10.0, 5.0, 5.0)]:
        coder = BoxCoder(weights, bbox_xform_clip=math.log(1000.0 / 16))
        coding.append({"weights": list(weights),
                       "encoded": as_list(coder.encode_single(t64(targets), t64(references))),
                       "decoded": as_list(coder.decode_single(t64(wild), t64(references)))})
    out["boxCoding"] = {"references": as_list(references), "targets": as_list(targets), "deltas": as_list(wild),
                        "byWeights": coding}

    anchors = np.concatenate([random_boxes(rng, 150, 256, 8, 128),
                              random_boxes(rng, 60, 256, 30, 80, centre=(100, 120), spread=15)])
    truth = random_boxes(rng, 3, 256, 30, 90, centre=(110, 120), spread=30)
    quality = box_iou(t64(truth), t64(anchors))
    matching = []
    for high, low, low_quality in [(0.7, 0.3, True), (0.5, 0.5, False)]:
        matches = Matcher(high, low, allow_low_quality_matches=low_quality)(quality)
        matching.append({"high": high, "low": low, "allowLowQualityMatches": low_quality,
                         "matches": [int(m) for m in matches]})
    out["anchorMatching"] = {"anchors": as_list(anchors), "groundTruth": as_list(truth), "byThresholds": matching}

    upsampling = []
    for shape in [(2, 3, 5, 7), (1, 2, 1, 4)]:
        x = torch.from_numpy(rng.standard_normal(shape).astype(np.float32)).double().requires_grad_(True)
        y = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
        upstream = torch.from_numpy(rng.standard_normal(tuple(y.shape)).astype(np.float32)).double()
        (y * upstream).sum().backward()
        upsampling.append({"shape": list(shape), "input": as_list(x.detach()), "upstream": as_list(upstream),
                           "output": as_list(y.detach()), "gradient": as_list(x.grad)})
    out["bilinearTimesTwo"] = upsampling

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "detection-ops-torchvision.json"), "w") as f:
        json.dump(out, f)
        f.write("\n")
    kept = [len(t["kept"]) for t in out["nms"]["byThreshold"]]
    print(f"wrote {out_dir}/detection-ops-torchvision.json: {len(boxes)} boxes for NMS (kept {kept}), "
          f"{len(anchors)} anchors, torch {torch.__version__}, torchvision {torchvision.__version__}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: detection_ops_torchvision.py OUT_DIR")
    main(sys.argv[1])
