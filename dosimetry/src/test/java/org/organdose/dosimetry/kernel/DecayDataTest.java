package org.organdose.dosimetry.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.SharedData;

/** The energy per decay of each emission kind against the ICRP-107 record and its published summaries. */
class DecayDataTest {
    /** Sums of the ICRP-107 Lu-177 record (shared/data/dosimetry/icrp107): betas, IE, Auger, gamma, X in MeV per decay. */
    private static final double[] LU177_RECORD = {0.133270, 0.013522, 0.001132, 0.031558, 0.003540};

    @Test
    void builtInLutetiumCarriesTheRecordsEnergies() {
        assertBudget(BuiltInDecayData.LU_177, LU177_RECORD, 0.005);
    }

    /** The record read from the JSON file: betas from each branch's mean energy, lines as listed. */
    @Test
    void theIcrpRecordReadsToTheSameEnergies() throws Exception {
        DecayData d = IcrpDecayDataReader.read(SharedData.resolve("dosimetry/icrp107/Lu-177.json"));
        assertThat(d.name()).isEqualTo("Lu-177");
        assertThat(d.halfLifeHours()).isCloseTo(6.647 * 24, within(1e-9));
        assertBudget(d, LU177_RECORD, 0.005);
    }

    /**
     * Y-90 mean beta energy, ICRP-107: 0.9267 MeV per decay; the first-forbidden unique shape of
     * Fermi theory without screening or radiative corrections gives 0.7 % more. I-131: 0.1819 MeV.
     */
    @Test
    void yttriumAndIodineBetasMatchTheirPublishedMeans() {
        assertThat(BuiltInDecayData.Y_90.betaEnergyMeV()).isCloseTo(0.9267, within(0.01 * 0.9267));
        assertThat(BuiltInDecayData.I_131.betaEnergyMeV()).isCloseTo(0.1819, within(0.005 * 0.1819));
        assertThat(BuiltInDecayData.Y_90.gammaEnergyMeV()).isZero();
    }

    /** Allowed-shape spectrum of Lu-177's main branch (498.3 keV): mean 149.4 keV in ICRP-107 / ENSDF. */
    @Test
    void anAllowedSpectrumHasThePublishedMean() {
        double mean = BetaSpectrum.meanEnergyMeV(new BetaBranch(0.4983, 1, BetaShape.ALLOWED), 72, 177);
        assertThat(mean).isCloseTo(0.14914, within(0.005 * 0.14914));
        assertThat(BetaSpectrum.endpointForMeanMeV(mean, 72, 177)).isCloseTo(0.4983, within(1e-4));
    }

    @Test
    void aBrokenRecordIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Xx-1.json");
        Files.writeString(f, "{\"name\": \"Lu-177\", \"half_life\": 6.647, \"time_unit\": \"d\"}");
        assertThatThrownBy(() -> IcrpDecayDataReader.read(f)).isInstanceOf(DosimetryInputException.class)
                .hasMessageStartingWith(f.toString()).hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BuiltInDecayData.named("Tc-99m")).isInstanceOf(DosimetryInputException.class);
    }

    private static void assertBudget(DecayData d, double[] expected, double relative) {
        double[] ours = {d.betaEnergyMeV(), d.conversionElectronEnergyMeV(), d.augerElectronEnergyMeV(), d.gammaEnergyMeV(),
            d.xRayEnergyMeV()};
        for (int i = 0; i < ours.length; i++) {
            assertThat(ours[i]).as("%s kind %d", d.name(), i).isCloseTo(expected[i], within(relative * expected[i]));
        }
    }
}
