package org.organdose.dosimetry.kernel;

import org.organdose.dosimetry.VoxelSKernel;

/** A voxel S value kernel computed from physics, with its energy budget; its description states the physics. */
public record ComputedKernel(VoxelSKernel kernel, EnergyBudget budget) {
}
