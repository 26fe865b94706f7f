package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection: what a file is, and for a format we do not read, a refusal that says which one. */
class ImageFormatTest {
    @TempDir
    Path dir;

    private String refusal(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, new byte[] {'C', 'D', 'F', 1, 0, 0, 0, 0});
        Throwable t = catchThrowable(() -> ImageFormat.detect(file));
        assertThat(t).isInstanceOf(ImageIoException.class);
        assertThat(t.getMessage()).startsWith(file + ": ").doesNotContain("\n");
        return t.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void namesTheFormatsWeDoNotRead() throws Exception {
        assertThat(refusal("brain.mnc")).isEqualTo("MINC is not read; convert it to NIfTI-1, NRRD, MetaImage or DICOM first");
        assertThat(refusal("T1.PAR")).startsWith("Philips PAR/REC is not read");
        assertThat(refusal("T1.REC")).startsWith("Philips PAR/REC is not read");
        assertThat(refusal("scan+orig.BRIK.gz")).startsWith("AFNI HEAD/BRIK is not read");
        assertThat(refusal("orig.mgz")).startsWith("FreeSurfer MGH is not read");
        assertThat(refusal("pet.v")).startsWith("ECAT 7 is not read");
        assertThat(refusal("slice.gz")).startsWith("a gzip-compressed file other than .nii.gz");
        assertThat(refusal("notes.xyz")).startsWith("unrecognised image format");
    }

    @Test
    void contentWinsOverAnUnreadName() throws Exception {
        Path file = dir.resolve("really-nrrd.v");
        Files.writeString(file, "NRRD0004\n");
        assertThat(ImageFormat.detect(file)).isEqualTo(ImageFormat.NRRD);
    }
}
