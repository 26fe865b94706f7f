package org.organdose.segment.data;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.organdose.image.Organ;
import org.organdose.phantom.ContrastPhase;
import org.organdose.phantom.Phantom;
import org.organdose.phantom.PhantomGenerator;
import org.organdose.phantom.PhantomOptions;

/**
 * Digital patients ({@link PhantomGenerator}) as fully labelled training cases, SynthSeg-style:
 * every one has its own anatomy (the seed), contrast phase, noise, slice spacing and liver lesions,
 * so that the network sees organ shapes, positions and intensities the four real CTs do not show.
 * They are generated on demand near the 2 mm working grid and never written to disk.
 */
public final class SyntheticCases {
    private static final ContrastPhase[] PHASES = ContrastPhase.values();

    private SyntheticCases() {
    }

    /**
     * {@code count} cases named {@code synthetic-00}, {@code synthetic-01}, ..., each drawn with
     * {@code weight}; the same seed gives the same patients.
     */
    public static List<TrainingCase> of(int count, double weight, long seed) {
        if (count < 0 || !(weight > 0)) {
            throw new IllegalArgumentException("synthetic cases need a count >= 0 and a positive weight");
        }
        Random rng = new Random(seed ^ 0x5EED_CA5EL);
        List<TrainingCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long patientSeed = rng.nextLong();
            ContrastPhase phase = PHASES[rng.nextInt(PHASES.length)];
            double noiseHu = 10 + 40 * rng.nextDouble();
            double sliceMm = 2 + 3 * rng.nextDouble();
            int tumours = rng.nextInt(4);
            PhantomOptions options = new PhantomOptions(192, 2.0, sliceMm, PhantomOptions.MAX_LENGTH_MM, phase,
                    noiseHu, 0.8, tumours);
            cases.add(new Synthetic(String.format(Locale.ROOT, "synthetic-%02d", i), patientSeed, options, weight));
        }
        return cases;
    }

    private record Synthetic(String id, long seed, PhantomOptions options, double weight) implements TrainingCase {
        @Override
        public Set<Organ> labelled() {
            return EnumSet.allOf(Organ.class);
        }

        @Override
        public String note() {
            return String.format(Locale.ROOT, "digital patient (seed %d, %s, noise %.0f HU, %.1f mm slices, %d liver lesions)",
                    seed, options.phase(), options.noiseHu(), options.sliceMm(), options.liverTumours());
        }

        @Override
        public LabelledCase load() {
            Phantom p = PhantomGenerator.generate(seed, options);
            return new LabelledCase(id, p.ct(), p.organs(), labelled(), weight);
        }
    }
}
