package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RadionuclidesTest {
    @Test
    void lutetiumMatchesIcrp107() throws Exception {
        Radionuclide lu = Radionuclides.byName("Lu-177");
        assertThat(lu.halfLifeHours()).isCloseTo(6.647 * 24, within(1e-9));
        // ICRP-107 record: betas 0.13327 + conversion 0.01352 + Auger 0.00113 MeV
        assertThat(lu.meanElectronEnergyMeV()).isCloseTo(0.147923, within(0.002 * 0.147923));
        assertThat(lu.photonLines()).anyMatch(l -> Math.abs(l.energyKeV() - 208.366) < 1e-3 && Math.abs(l.yieldPerDecay() - 0.11) < 1e-9);
    }

    @Test
    void spellingsAreAccepted() throws Exception {
        assertThat(Radionuclides.byName("177Lu")).isSameAs(Radionuclides.LU_177);
        assertThat(Radionuclides.byName("lu177")).isSameAs(Radionuclides.LU_177);
        assertThat(Radionuclides.byName("Y-90")).isSameAs(Radionuclides.Y_90);
        assertThat(Radionuclides.byName("I 131")).isSameAs(Radionuclides.I_131);
    }

    @Test
    void unknownRadionuclideListsTheKnownOnes() {
        assertThatThrownBy(() -> Radionuclides.byName("Tc-99m"))
                .isInstanceOf(DosimetryInputException.class)
                .hasMessageContaining("unknown radionuclide 'Tc-99m'")
                .hasMessageContaining("Lu-177").hasMessageContaining("Y-90").hasMessageContaining("I-131");
    }
}
