package org.organdose.dosimetry;

/** How organ activity is taken from a SPECT given the organ masks on that SPECT's grid. */
public enum ActivityMethod {
    /**
     * Nazari et al. 2021: the CT mask extended by a margin (mm); a voxel within the margin of two
     * organs goes to the nearest one. Activity = SPECT summed over the extended VOI.
     */
    MARGIN,
    /**
     * The CT mask extended by a Gaussian PSF (sigma in mm): each voxel counts with weight
     * min(1, 2 G*mask), 1 inside the organ and falling off like the blurred edge outside it; a
     * voxel near two organs goes to the nearest one.
     */
    GAUSSIAN_PSF,
    /**
     * Geometric transfer matrix (Rousset et al., J Nucl Med 1998): the organs and the rest of the
     * body are compartments of uniform concentration; each is blurred with the SPECT resolution
     * (FWHM), and the mean SPECT value in each organ's VOI is solved as a linear mix of all
     * compartments, which corrects spill-out, spill-in between organs and background.
     */
    GTM
}
