#!/usr/bin/env bash
# Rigid registration benchmark: each session CT of the moving study registered to the diagnostic
# CT by OrganDose (RigidRegistration, NCC) and by elastix (Euler transform, Mattes mutual
# information, 3 levels) as an independent reference, plus one synthetic pair with a known
# rotation. Prints, per pair, the truth and both transforms' errors at the organ centroids (mm)
# and in rotation (degrees), and the time of each.
#
# Usage: scripts/bench-registration.sh [STUDY_DIR] [OUT_DIR]
# Needs: maven (offline repository filled), java 17, python3; elastix (Debian package) optional.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
study="$(realpath "${1:-$root/../shared/data/studies/ircad-1.1-lu177-moving}")"
out="$(realpath -m "${2:-$(mktemp -d)}")"
mkdir -p "$out"

(cd "$root" && mvn -B -q -o -pl image -am test-compile -DskipTests >/dev/null)
cp="$root/image/target/classes:$root/image/target/test-classes"
java -Xmx4g -cp "$cp" org.organdose.image.registration.RegistrationBenchmark "$study" "$out"

if command -v elastix >/dev/null; then
  cat >"$out/euler-mi.txt" <<'PARAMS'
(FixedInternalImagePixelType "float")
(MovingInternalImagePixelType "float")
(FixedImageDimension 3)
(MovingImageDimension 3)
(Registration "MultiResolutionRegistration")
(FixedImagePyramid "FixedSmoothingImagePyramid")
(MovingImagePyramid "MovingSmoothingImagePyramid")
(NumberOfResolutions 3)
(Interpolator "BSplineInterpolator")
(BSplineInterpolationOrder 1)
(ResampleInterpolator "FinalBSplineInterpolator")
(FinalBSplineInterpolationOrder 3)
(Resampler "DefaultResampler")
(Metric "AdvancedMattesMutualInformation")
(NumberOfHistogramBins 32)
(Optimizer "AdaptiveStochasticGradientDescent")
(MaximumNumberOfIterations 500)
(ImageSampler "RandomCoordinate")
(NumberOfSpatialSamples 4096)
(NewSamplesEveryIteration "true")
(Transform "EulerTransform")
(AutomaticScalesEstimation "true")
(AutomaticTransformInitialization "true")
(HowToCombineTransforms "Compose")
(WriteResultImage "false")
(DefaultPixelValue -1000)
PARAMS
  tail -n +3 "$out/ours.tsv" | while IFS=$'\t' read -r pair moving _; do
    mkdir -p "$out/elastix-$pair"
    start=$(date +%s.%N)
    elastix -f "$study/ct.nii.gz" -m "$moving" -p "$out/euler-mi.txt" -out "$out/elastix-$pair" -threads 2 \
      >"$out/elastix-$pair/stdout.log" 2>&1
    echo "$(date +%s.%N) - $start" | bc >"$out/elastix-$pair/seconds"
  done
else
  echo "elastix not installed: comparing with the truth only" >&2
fi

python3 - "$out" <<'PY'
import math, os, re, sys
out = sys.argv[1]
lines = open(os.path.join(out, "ours.tsv")).read().splitlines()
organs = [tuple(map(float, p.split(","))) for p in lines[0].split(":", 1)[1].split()]

def mat(s):
    v = list(map(float, s.split(",")))
    return [v[0:3], v[4:7], v[8:11]], [v[3], v[7], v[11]]

def apply(t, p):
    r, b = t
    return [sum(r[i][j] * p[j] for j in range(3)) + b[i] for i in range(3)]

def err(a, b):
    return max(math.dist(apply(a, p), apply(b, p)) for p in organs)

def angle(a, b):
    ra, rb = a[0], b[0]
    tr = sum(ra[i][j] * rb[i][j] for i in range(3) for j in range(3))   # trace(Ra Rb^T)
    return math.degrees(math.acos(max(-1, min(1, (tr - 1) / 2))))

def rot(ax, ay, az, zyx):
    cx, sx, cy, sy, cz, sz = math.cos(ax), math.sin(ax), math.cos(ay), math.sin(ay), math.cos(az), math.sin(az)
    X = [[1, 0, 0], [0, cx, -sx], [0, sx, cx]]
    Y = [[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]]
    Z = [[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]]
    mul = lambda a, b: [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]
    return mul(Z, mul(Y, X)) if zyx else mul(Z, mul(X, Y))

def elastix(pair):
    f = os.path.join(out, "elastix-" + pair, "TransformParameters.0.txt")
    if not os.path.exists(f):
        return None, None
    text = open(f).read()
    get = lambda key: list(map(float, re.search(r"\(" + key + r" ([^)]*)\)", text).group(1).split()))
    p = get("TransformParameters")
    c = get("CenterOfRotationPoint")
    zyx = '(ComputeZYX "true")' in text
    r = rot(p[0], p[1], p[2], zyx)
    # ITK Euler3D: T(x) = R (x - c) + c + t, fixed to moving, physical (LPS) coordinates
    b = [c[i] + p[3 + i] - sum(r[i][j] * c[j] for j in range(3)) for i in range(3)]
    secs = float(open(os.path.join(out, "elastix-" + pair, "seconds")).read())
    return (r, b), secs

print("\npair       truth shift at liver (mm)   OrganDose err mm / deg / s    elastix err mm / deg / s    OrganDose vs elastix mm")
for line in lines[2:]:
    pair, moving, truth, ours, ncc, its, secs = line.split("\t")
    t, o = mat(truth), mat(ours)
    shift = [a - b for a, b in zip(apply(t, organs[0]), organs[0])]
    e, esecs = elastix(pair)
    row = "%-10s (%6.2f,%6.2f,%6.2f)        %6.3f / %5.3f / %5.2f" % (pair, *shift, err(o, t), angle(o, t), float(secs))
    if e:
        row += "         %6.3f / %5.3f / %5.1f        %6.3f" % (err(e, t), angle(e, t), esecs, err(o, e))
    print(row)
print("\nerrors: largest distance between the transforms' images of the liver, kidney and spleen centroids;")
print("deg: angle of the rotation between them. Files in " + out)
PY
