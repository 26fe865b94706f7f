#!/usr/bin/env python3
"""Prints an OrganDose results.json beside a study's truth.json: mass, TIA, mean dose, D30, D70 per organ, % differences.

Usage: compare-truth.py RESULTS.json TRUTH.json
"""
import json
import sys

results = json.load(open(sys.argv[1]))["organs"]
truth = json.load(open(sys.argv[2]))["organs"]
keys = [("mass_g", "mass g"), ("tia_MBq_h", "TIA MBq*h"), ("mean_dose_Gy", "mean Gy"), ("D30_Gy", "D30 Gy"), ("D70_Gy", "D70 Gy")]
print("%-13s" % "organ" + "".join("%22s" % label for _, label in keys))
for organ, t in truth.items():
    r = results.get(organ)
    if r is None:
        print("%-13s no result" % organ)
        continue
    cells = ["%10.4g %+6.1f%%" % (r[k], 100 * (r[k] / t[k] - 1)) for k, _ in keys]
    print("%-13s" % organ + "".join("%22s" % c for c in cells))
