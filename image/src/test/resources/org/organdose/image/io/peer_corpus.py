# The peer side of PeerCorporaTest: reads every file named on stdin (one path a line) with pydicom
# (files under pydicom's corpus and any ".dcm") or nibabel (the rest) and prints one tab-separated
# line a file, describing it the way OrganDose describes a volume:
#   path  ok  nx ny nz  rank  16 numbers of the RAS affine (or "-")  min max sum NaN-count
# (min, max and sum over the values that are not NaN)
#   path  error  the peer's one-line reason
# Values are after the modality rescale (DICOM) or the scaling nibabel applies (get_fdata).
import sys, warnings
import numpy as np

warnings.simplefilter("ignore")

LPS_TO_RAS = np.diag([-1.0, -1.0, 1.0, 1.0])


def by_pydicom(path):
    import pydicom
    ds = pydicom.dcmread(path, force=True)
    if "PixelData" not in ds:
        raise ValueError("no pixel data")
    if int(getattr(ds, "SamplesPerPixel", 1)) != 1:
        raise ValueError("colour image (SamplesPerPixel %s)" % ds.SamplesPerPixel)
    pixels = ds.pixel_array.astype(np.float64)
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    if "DoseGridScaling" in ds:
        values = pixels * float(ds.DoseGridScaling)
    else:
        values = pixels * float(getattr(ds, "RescaleSlope", 1) or 1) + float(getattr(ds, "RescaleIntercept", 0) or 0)
    affine = None
    if "PixelSpacing" in ds and "ImageOrientationPatient" in ds and "ImagePositionPatient" in ds:
        row = np.array([float(v) for v in ds.ImageOrientationPatient[:3]])
        col = np.array([float(v) for v in ds.ImageOrientationPatient[3:]])
        dz = 0.0
        if frames > 1 and "GridFrameOffsetVector" in ds:
            offsets = [float(v) for v in ds.GridFrameOffsetVector]
            dz = offsets[1] - offsets[0]
        lps = np.eye(4)
        lps[:3, 0] = row * float(ds.PixelSpacing[1])
        lps[:3, 1] = col * float(ds.PixelSpacing[0])
        lps[:3, 2] = np.cross(row, col) * dz
        lps[:3, 3] = [float(v) for v in ds.ImagePositionPatient]
        affine = LPS_TO_RAS @ lps
    return [int(ds.Columns), int(ds.Rows), frames], 3 if frames > 1 else 2, affine, values


def by_nibabel(path):
    import nibabel as nib
    img = nib.load(path)
    shape = [int(v) for v in img.shape]
    return (shape + [1, 1, 1])[:3], len(shape), np.asarray(img.affine, dtype=np.float64), img.get_fdata()


for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    try:
        pydicom_file = path.endswith(".dcm") or "/pydicom/" in path
        size, rank, affine, data = by_pydicom(path) if pydicom_file else by_nibabel(path)
        data = np.asarray(data, dtype=np.float64)
        fields = [path, "ok", " ".join(map(str, size)), str(rank),
                  "-" if affine is None else " ".join(repr(float(v)) for v in affine.ravel()),
                  " ".join(repr(float(v)) for v in (np.nanmin(data), np.nanmax(data), np.nansum(data), np.isnan(data).sum()))]
    except Exception as e:
        fields = [path, "error", (type(e).__name__ + ": " + str(e)).replace("\t", " ").splitlines()[0][:200]]
    print("\t".join(fields), flush=True)
