package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileOutputTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteLeavesNothingBehindAndKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("out.nii.gz");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFileOutput.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        })).isInstanceOf(ImageIoException.class).hasMessageContaining("out.nii.gz").hasMessageContaining("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void outputIsReadableByOthersLikeAnyNewFile() throws IOException {
        Path target = dir.resolve("out.bin");
        AtomicFileOutput.write(target, out -> out.write(42));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OWNER_READ);
    }
}
