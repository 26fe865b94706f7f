package org.organdose.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.VoxelSKernel;
import org.organdose.dosimetry.kernel.BuiltInDecayData;
import org.organdose.dosimetry.kernel.ComputedKernel;
import org.organdose.dosimetry.kernel.DecayData;
import org.organdose.dosimetry.kernel.Emissions;
import org.organdose.dosimetry.kernel.EnergyBudget;
import org.organdose.dosimetry.kernel.IcrpDecayDataReader;
import org.organdose.dosimetry.kernel.KernelPhysics;
import org.organdose.image.io.ImageIoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code organdose kernel}: a voxel S value kernel computed from physics for any voxel size,
 * written in the Lanconelli octant text format (which {@code --kernel} reads back), and its
 * energy budget printed.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = {"Compute a voxel S value kernel from physics (beta spectra, electron and photon point kernels in water,"
                + " integrated over source and target voxels) and write it as tab-separated 'i j k S' lines,"
                + " S in mGy/(MBq s), i, j, k >= 0 (Lanconelli format).",
            "Prints the energy emitted per decay by kind and the energy absorbed within the kernel."})
final class KernelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nuclide", paramLabel = "NAME", description = "built-in radionuclide: Lu-177, Y-90 or I-131 (any spelling, e.g. 177Lu)")
    String nuclide;

    @Option(names = "--decay-data", paramLabel = "FILE.json",
            description = "an ICRP-107 decay data record (JSON, as in OpenGATE/icrp107-database) instead of built-in data")
    Path decayDataFile;

    @Option(names = "--voxel-mm", paramLabel = "MM", description = "cubic voxel size in mm")
    Double voxelMm;

    @Option(names = "--voxel-mm-xyz", paramLabel = "X,Y,Z", description = "voxel size along x, y, z in mm (non-cubic voxels)")
    String voxelMmXyz;

    @Option(names = "--density", paramLabel = "G_PER_ML", defaultValue = "1.04",
            description = "density of the medium (water's composition) in g/mL; default ${DEFAULT-VALUE} (soft tissue)")
    double densityGPerMl;

    @Option(names = "--emissions", paramLabel = "KIND", defaultValue = "all",
            description = "betas, electrons (betas, conversion and Auger electrons), photons (gamma and X-rays) or all; default ${DEFAULT-VALUE}")
    String emissions;

    @Option(names = "--extent", paramLabel = "N", defaultValue = "" + KernelPhysics.DEFAULT_EXTENT,
            description = "kernel size in voxels along each axis, odd; default ${DEFAULT-VALUE} (offsets -5..5, octant 0..5)")
    int extent;

    @Option(names = "--out", required = true, paramLabel = "FILE.txt", description = "kernel file to write")
    Path out;

    @Override
    public Integer call() throws BadInputException, DosimetryInputException, ImageIoException {
        DecayData decay = decayData();
        double[] voxel = voxelSize();
        Emissions kind = Emissions.fromName(emissions);
        ComputedKernel computed = KernelPhysics.compute(decay, voxel, densityGPerMl, kind, extent);
        String title = decay.name() + " - " + VoxelSKernel.voxelText(computed.kernel().voxelMm()) + "mm - " + computed.kernel().description();
        computed.kernel().writeOctantText(out, title);
        print(spec.commandLine().getOut(), computed);
        return ExitCodes.OK;
    }

    private DecayData decayData() throws BadInputException, DosimetryInputException {
        if (decayDataFile == null) {
            if (nuclide == null) {
                throw new BadInputException("kernel: give --nuclide NAME or --decay-data FILE.json");
            }
            return BuiltInDecayData.named(nuclide);
        }
        if (decayDataFile.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new BadInputException(out + ": output would overwrite the decay data");
        }
        DecayData d = IcrpDecayDataReader.read(decayDataFile);
        if (nuclide != null && !sameNuclide(nuclide, d.name())) {
            throw new BadInputException(decayDataFile + ": holds " + d.name() + ", not --nuclide " + nuclide);
        }
        return d;
    }

    private static boolean sameNuclide(String a, String b) {
        return a.replaceAll("[^A-Za-z0-9]", "").equalsIgnoreCase(b.replaceAll("[^A-Za-z0-9]", ""));
    }

    private double[] voxelSize() throws BadInputException {
        if ((voxelMm == null) == (voxelMmXyz == null)) {
            throw new BadInputException("kernel: give exactly one of --voxel-mm MM and --voxel-mm-xyz X,Y,Z");
        }
        if (voxelMm != null) {
            return new double[] {voxelMm, voxelMm, voxelMm};
        }
        String[] parts = voxelMmXyz.split(",");
        if (parts.length != 3) {
            throw new BadInputException("--voxel-mm-xyz: expected three sizes X,Y,Z in mm, got '" + voxelMmXyz + "'");
        }
        double[] v = new double[3];
        for (int a = 0; a < 3; a++) {
            try {
                v[a] = Double.parseDouble(parts[a].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--voxel-mm-xyz: '" + parts[a].strip() + "' is not a number (expected X,Y,Z in mm)");
            }
        }
        return v;
    }

    private void print(PrintWriter o, ComputedKernel computed) {
        EnergyBudget b = computed.budget();
        o.println("wrote " + out + ": " + computed.kernel().description());
        o.println("energy emitted per decay (MeV):");
        o.printf(Locale.ROOT, "  betas                  %.5f%n", b.betaMeV());
        o.printf(Locale.ROOT, "  conversion electrons   %.5f%n", b.conversionElectronMeV());
        o.printf(Locale.ROOT, "  Auger electrons        %.5f%n", b.augerElectronMeV());
        o.printf(Locale.ROOT, "  gamma rays             %.5f%n", b.gammaMeV());
        o.printf(Locale.ROOT, "  X-rays                 %.5f%n", b.xRayMeV());
        o.printf(Locale.ROOT, "  in the kernel (%s): %.5f%n", b.included().inWords(), b.includedMeV());
        o.printf(Locale.ROOT, "energy absorbed within the %dx%dx%d voxels per decay (MeV): electrons %.5f, photons %.5f, total %.5f%n",
                extent, extent, extent, b.absorbedElectronMeV(), b.absorbedPhotonMeV(), b.absorbedMeV());
        o.printf(Locale.ROOT, "S(0,0,0) = %.5g mGy/(MBq s)%n", computed.kernel().value(0, 0, 0));
    }
}
