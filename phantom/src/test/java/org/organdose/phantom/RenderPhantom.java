package org.organdose.phantom;

import java.nio.file.Files;
import java.nio.file.Path;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.registration.RigidTransform;

/**
 * Developer tool: renders a phantom (or a CT file) to PNG slices for visual checks.
 * Usage: {@code RenderPhantom OUTDIR SEED [phase] [tumours]}, {@code RenderPhantom OUTDIR --ldct SEED}
 * (a low-dose CT moved by 8 mm and 3 degrees) or {@code RenderPhantom OUTDIR --ct FILE [LABELS]}.
 */
final class RenderPhantom {
    private RenderPhantom() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Volume ct;
        LabelMap labels;
        String prefix;
        if (args[1].equals("--ldct")) {
            Phantom p = PhantomGenerator.generate(Long.parseLong(args[2]), PhantomOptions.defaults());
            RigidTransform motion = RigidTransform.fromEuler(0, 0, Math.toRadians(3), new double[] {8, -4, 6}, new double[3]);
            LowDoseCt ldct = LowDoseCt.simulate(p.ct(), p.organs(), motion, LowDoseCt.Options.defaults(), 1);
            ct = ldct.ct();
            labels = ldct.organs();
            prefix = "ldct" + args[2];
        } else if (args[1].equals("--ct")) {
            MedicalImage image = ImageFiles.read(Path.of(args[2]));
            Geometry axial = axisAligned(image.volume().geometry());
            ct = Resampler.resample(image.volume(), axial, Interpolation.TRILINEAR, -1024);
            labels = args.length > 3
                    ? Resampler.resampleLabels(ImageFiles.readLabels(Path.of(args[3])), axial, LabelInterpolation.NEAREST) : null;
            prefix = "ref";
        } else {
            long seed = Long.parseLong(args[1]);
            PhantomOptions o = PhantomOptions.defaults();
            if (args.length > 2) {
                o = o.withPhase(ContrastPhase.valueOf(args[2]));
            }
            if (args.length > 3) {
                o = o.withTumours(Integer.parseInt(args[3]));
            }
            long t0 = System.nanoTime();
            Phantom p = PhantomGenerator.generate(seed, o);
            System.out.printf("generated in %.2f s, volumes %s%n", (System.nanoTime() - t0) / 1e9, p.organVolumesMl());
            ct = p.ct();
            labels = p.organs();
            prefix = "seed" + seed;
        }
        Geometry g = ct.geometry();
        System.out.println(g);
        for (double frac : new double[] {0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9}) {
            int k = (int) (frac * (g.nz() - 1));
            SlicePng.write(ct, null, 2, k, -160, 240, out.resolve(prefix + "_ax" + (int) (frac * 100) + ".png"));
            SlicePng.write(ct, labels, 2, k, -160, 240, out.resolve(prefix + "_ax" + (int) (frac * 100) + "_lab.png"));
        }
        SlicePng.write(ct, null, 1, g.ny() / 2 + (int) (20 / g.spacing(1)), -160, 240, out.resolve(prefix + "_cor.png"));
        SlicePng.write(ct, labels, 1, g.ny() / 2 + (int) (20 / g.spacing(1)), -160, 240, out.resolve(prefix + "_cor_lab.png"));
        SlicePng.write(ct, null, 0, g.nx() / 2 - (int) (60 / g.spacing(0)), -160, 240, out.resolve(prefix + "_sagR.png"));
        SlicePng.write(ct, null, 0, g.nx() / 2, -160, 240, out.resolve(prefix + "_sag.png"));
        SlicePng.write(ct, null, 2, (int) (0.6 * (g.nz() - 1)), -1000, 400, out.resolve(prefix + "_ax60_lungwin.png"));
    }

    /** An identity-direction grid covering the same box, so that index order matches LPS display order. */
    private static Geometry axisAligned(Geometry g) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 8; c++) {
            double[] w = g.indexToWorld((c & 1) == 0 ? 0 : g.nx() - 1, (c & 2) == 0 ? 0 : g.ny() - 1, (c & 4) == 0 ? 0 : g.nz() - 1);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], w[a]);
                hi[a] = Math.max(hi[a], w[a]);
            }
        }
        double[] sp = g.spacing();
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            n[a] = (int) Math.round((hi[a] - lo[a]) / sp[a]) + 1;
        }
        return Geometry.axisAligned(n[0], n[1], n[2], sp, lo);
    }
}
