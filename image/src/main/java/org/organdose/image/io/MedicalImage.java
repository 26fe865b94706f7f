package org.organdose.image.io;

import org.organdose.image.Volume;

/** A volume as read from a file, with what the file said about it. */
public record MedicalImage(Volume volume, ImageMetadata metadata) {
}
