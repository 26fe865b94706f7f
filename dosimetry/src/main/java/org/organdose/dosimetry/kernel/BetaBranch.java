package org.organdose.dosimetry.kernel;

/** One beta-minus branch: its endpoint (maximum kinetic) energy, branching yield and spectrum shape. */
public record BetaBranch(double endpointMeV, double yieldPerDecay, BetaShape shape) {
    public BetaBranch {
        if (!(endpointMeV > 0) || !(yieldPerDecay >= 0) || shape == null) {
            throw new IllegalArgumentException("a beta branch needs an endpoint > 0, a yield >= 0 and a shape");
        }
    }
}
