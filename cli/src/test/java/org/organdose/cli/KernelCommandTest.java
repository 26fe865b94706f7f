package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.SharedData;

/** The kernel command's file and printed energy budget, against the ICRP-107 record and the file it wrote. */
class KernelCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheBudgetOfTheKernelItWrites() throws IOException {
        Path out = dir.resolve("lu177_4.7952mm.txt");
        CommandLineTest.Run run = CommandLineTest.run("kernel", "--nuclide", "177Lu", "--voxel-mm", "4.7952", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // ICRP-107 Lu-177 record sums: betas 0.13327, conversion 0.01352, Auger 0.00113, gamma 0.03156, X 0.00354 MeV
        assertThat(printed(run, "  betas ")).isCloseTo(0.13327, within(0.0007));
        assertThat(printed(run, "  conversion electrons ")).isCloseTo(0.01352, within(0.0001));
        assertThat(printed(run, "  Auger electrons ")).isCloseTo(0.00113, within(0.00001));
        assertThat(printed(run, "  gamma rays ")).isCloseTo(0.03156, within(0.00002));
        assertThat(printed(run, "  X-rays ")).isCloseTo(0.00354, within(0.00002));

        List<String> lines = Files.readAllLines(out, StandardCharsets.ISO_8859_1);
        assertThat(lines.get(0)).startsWith("Lu-177 - 4.7952mm - ").contains("betas + conversion and Auger electrons + gamma and X-rays");
        assertThat(lines).hasSize(2 + 6 * 6 * 6);
        // the absorbed energy printed is the file's S values times the voxel mass (1.04 g/mL), all 11^3 voxels
        double sum = 0;
        for (String l : lines.subList(2, lines.size())) {
            String[] f = l.split("\t");
            int mirrors = (f[0].equals("0") ? 1 : 2) * (f[1].equals("0") ? 1 : 2) * (f[2].equals("0") ? 1 : 2);
            sum += mirrors * Double.parseDouble(f[3]);
        }
        double massG = 1.04 * Math.pow(4.7952, 3) / 1000;
        String absorbed = run.out().lines().filter(l -> l.startsWith("energy absorbed")).findFirst().orElseThrow();
        double total = Double.parseDouble(absorbed.substring(absorbed.lastIndexOf("total ") + 6).strip());
        assertThat(total).isCloseTo(sum * massG / 0.1602176634, within(2e-4 * total));
        // all electrons stay inside 5 mm voxels; photons mostly leave
        assertThat(total).isBetween(0.1479, 0.1479 + 0.035);
        assertThat(run.out()).contains("S(0,0,0) = ");
        assertThat(lines.get(2)).startsWith("0\t0\t0\t");
    }

    /** A non-cubic Y-90 betas-only kernel reads back through dosimetry's --kernel reader. */
    @Test
    void nonCubicKernelsNameTheirThreeSizes() throws IOException {
        Path out = dir.resolve("y90.txt");
        CommandLineTest.Run run = CommandLineTest.run("kernel", "--nuclide", "Y-90", "--voxel-mm-xyz", "3,3,4.42",
                "--emissions", "betas", "--extent", "7", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out, StandardCharsets.ISO_8859_1).get(0)).startsWith("Y-90 - 3x3x4.42mm - ");
        // Y-90's mean beta energy: ICRP-107 0.9267 MeV
        assertThat(printed(run, "  betas ")).isCloseTo(0.9267, within(0.01));
        assertThat(printed(run, "  in the kernel ")).isEqualTo(printed(run, "  betas "));
    }

    @Test
    void decayDataFromTheIcrpRecord() throws IOException {
        Path record = SharedData.resolve("dosimetry/icrp107/Lu-177.json");
        Path out = dir.resolve("lu.txt");
        CommandLineTest.Run run = CommandLineTest.run("kernel", "--decay-data", record.toString(), "--voxel-mm", "3",
                "--emissions", "electrons", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(printed(run, "  in the kernel ")).isCloseTo(0.14792, within(0.0008));
    }

    @Test
    void badOptionsAreOneLineAndWriteNothing() {
        Path out = dir.resolve("k.txt");
        String[][] cases = {
            {"kernel", "--nuclide", "Tc-99m", "--voxel-mm", "3", "--out", out.toString()},
            {"kernel", "--nuclide", "Lu-177", "--voxel-mm", "-3", "--out", out.toString()},
            {"kernel", "--nuclide", "Lu-177", "--voxel-mm", "3", "--extent", "10", "--out", out.toString()},
            {"kernel", "--nuclide", "Lu-177", "--voxel-mm", "3", "--emissions", "neutrinos", "--out", out.toString()},
            {"kernel", "--nuclide", "Lu-177", "--voxel-mm-xyz", "3,3", "--out", out.toString()},
            {"kernel", "--nuclide", "Lu-177", "--out", out.toString()},
        };
        for (String[] args : cases) {
            CommandLineTest.Run run = CommandLineTest.run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(out).doesNotExist();
        }
    }

    private static double printed(CommandLineTest.Run run, String prefix) {
        String line = run.out().lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(run.out()));
        String[] parts = line.strip().split("\\s+");
        return Double.parseDouble(parts[parts.length - 1]);
    }
}
