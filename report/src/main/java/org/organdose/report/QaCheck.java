package org.organdose.report;

import org.organdose.image.Organ;

/**
 * The outcome of one quality check on one organ.
 *
 * @param organ   the organ checked
 * @param check   what was checked, e.g. "Field of view"
 * @param status  the verdict
 * @param detail  the numbers behind the verdict and, when not a pass, what it means, in plain words
 */
public record QaCheck(Organ organ, String check, Status status, String detail) {
    public enum Status {
        PASS("pass"),
        NOTE("note"),
        FLAG("flag"),
        NOT_CHECKED("not checked");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }
}
