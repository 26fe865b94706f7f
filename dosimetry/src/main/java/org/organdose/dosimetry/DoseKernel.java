package org.organdose.dosimetry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organdose.dosimetry.kernel.BuiltInDecayData;
import org.organdose.dosimetry.kernel.DecayData;
import org.organdose.dosimetry.kernel.Emissions;
import org.organdose.dosimetry.kernel.KernelPhysics;

/**
 * How the dose map is made from the time-integrated activity: convolution with a voxel S value
 * kernel computed from physics for the dose grid's voxel size (the default), with a kernel read
 * from a file (or the one closest to the grid among a folder of them), or local energy deposition.
 *
 * @param method KERNEL_CONVOLUTION or LOCAL_DEPOSITION
 * @param file   the kernel file or folder; null with a computed kernel or local deposition
 */
public record DoseKernel(DoseMethod method, Path file) {
    public DoseKernel {
        if (method == null || (method == DoseMethod.LOCAL_DEPOSITION && file != null)) {
            throw new IllegalArgumentException("local deposition takes no kernel file");
        }
    }

    /** A kernel computed from the radionuclide's decay data for the dose grid. */
    public static DoseKernel computed() {
        return new DoseKernel(DoseMethod.KERNEL_CONVOLUTION, null);
    }

    /** A kernel file in the octant text format or raw float32, or a folder of them. */
    public static DoseKernel fromFile(Path file) {
        return new DoseKernel(DoseMethod.KERNEL_CONVOLUTION, file);
    }

    public static DoseKernel localDeposition() {
        return new DoseKernel(DoseMethod.LOCAL_DEPOSITION, null);
    }

    public boolean isComputed() {
        return method == DoseMethod.KERNEL_CONVOLUTION && file == null;
    }

    /**
     * The kernel for a dose grid of cubic voxels of {@code spacingMm}: computed from the
     * radionuclide's decay data for that voxel, in soft tissue of this density, with every
     * emission and the published tables' 11 x 11 x 11 extent; or the file's (a folder's kernel
     * closest to the spacing), resampled to the grid with a warning when its voxel differs. With
     * NaN spacing the grid is the file's voxel size, else {@link DosimetrySettings#DEFAULT_GRID_MM};
     * the kernel's voxel size is the grid spacing in every case.
     */
    public VoxelSKernel forGrid(Radionuclide nuclide, double spacingMm, double densityGPerMl, List<String> warnings)
            throws DosimetryInputException {
        if (method == DoseMethod.LOCAL_DEPOSITION) {
            throw new IllegalStateException("local deposition uses no kernel");
        }
        if (Double.isNaN(spacingMm)) {
            return file == null ? forGrid(nuclide, DosimetrySettings.DEFAULT_GRID_MM, densityGPerMl, warnings)
                    : VoxelSKernel.forSpacing(file, DosimetrySettings.DEFAULT_GRID_MM);
        }
        if (file == null) {
            DecayData decay = BuiltInDecayData.named(nuclide.name());
            return KernelPhysics.compute(decay, new double[] {spacingMm, spacingMm, spacingMm}, densityGPerMl, Emissions.ALL,
                    KernelPhysics.DEFAULT_EXTENT).kernel();
        }
        VoxelSKernel kernel = VoxelSKernel.forSpacing(file, spacingMm);
        if (Math.abs(kernel.voxelSizeMm() - spacingMm) <= 1e-3 * spacingMm) {
            return kernel;
        }
        warnings.add(String.format(Locale.ROOT, "kernel voxel size %.3g mm resampled to the %.3g mm dose grid;"
                + " a kernel computed for the grid's voxel size is more accurate", kernel.voxelSizeMm(), spacingMm));
        return kernel.resampledTo(spacingMm);
    }

    /** As recorded among the settings in results.json. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method.name());
        m.put("kernel", method == DoseMethod.LOCAL_DEPOSITION ? null : isComputed() ? "computed from physics" : file.toString());
        return m;
    }
}
