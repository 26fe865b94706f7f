package org.organdose.phantom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.StorageType;

/**
 * A generated digital patient.
 *
 * @param ct              CT numbers (HU) on an axial LPS grid
 * @param organs          organ labels on the same grid (0 background, 1 liver, 2 kidney_right, 3 kidney_left, 4 spleen)
 * @param tissues         tissue map on the same grid ({@link Tissue#code()} per voxel)
 * @param organVolumesMl  labelled volume per organ key (mL)
 * @param seed            the seed it was generated from
 * @param options         the options it was generated with
 */
public record Phantom(Volume ct, LabelMap organs, LabelMap tissues, Map<String, Double> organVolumesMl,
                      long seed, PhantomOptions options) {

    public Phantom {
        organVolumesMl = Map.copyOf(organVolumesMl);
    }

    /** Organ masses (g) at {@value PhantomGenerator#SOFT_TISSUE_DENSITY_G_PER_ML} g/mL. */
    public Map<String, Double> organMassesG() {
        return PhantomGenerator.massesG(organVolumesMl);
    }

    /**
     * Writes {@code ct.nii.gz} (int16 HU), {@code labels.nii.gz}, {@code tissues.nii.gz} and
     * {@code truth.json} (seed, options, organ volumes and masses, tissue codes) into {@code dir},
     * creating it when needed.
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ImageFiles.write(ct, StorageType.INT16, dir.resolve("ct.nii.gz"));
        ImageFiles.writeLabels(organs, dir.resolve("labels.nii.gz"));
        ImageFiles.writeLabels(tissues, dir.resolve("tissues.nii.gz"));
        Path truth = dir.resolve("truth.json");
        byte[] json = truthJson().getBytes(StandardCharsets.UTF_8);
        AtomicFileOutput.write(truth, out -> out.write(json));
    }

    /** The truth as a small JSON document. */
    public String truthJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"generator\": \"organdose digital patient\",\n");
        sb.append("  \"seed\": ").append(seed).append(",\n");
        sb.append("  \"options\": {")
                .append("\"pixels\": ").append(options.pixels())
                .append(", \"pixel_mm\": ").append(num(options.pixelMm()))
                .append(", \"slice_mm\": ").append(num(options.sliceMm()))
                .append(", \"length_mm\": ").append(num(options.lengthMm()))
                .append(", \"contrast_phase\": \"").append(options.phase().name()).append('"')
                .append(", \"noise_HU\": ").append(num(options.noiseHu()))
                .append(", \"noise_correlation_mm\": ").append(num(options.noiseCorrelationMm()))
                .append(", \"liver_tumours\": ").append(options.liverTumours()).append("},\n");
        sb.append("  \"density_g_per_mL\": ").append(num(PhantomGenerator.SOFT_TISSUE_DENSITY_G_PER_ML)).append(",\n");
        sb.append("  \"organs\": {");
        Map<String, Double> masses = organMassesG();
        String sep = "\n";
        for (Organ o : Organ.values()) {
            sb.append(sep).append("    \"").append(o.key()).append("\": {\"label\": ").append(o.label())
                    .append(", \"volume_mL\": ").append(num(organVolumesMl.get(o.key())))
                    .append(", \"mass_g\": ").append(num(masses.get(o.key()))).append('}');
            sep = ",\n";
        }
        sb.append("\n  },\n  \"tissue_codes\": {");
        sep = "";
        for (Tissue t : Tissue.values()) {
            sb.append(sep).append('"').append(t.name().toLowerCase(Locale.ROOT)).append("\": ").append(t.code());
            sep = ", ";
        }
        sb.append("}\n}\n");
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
