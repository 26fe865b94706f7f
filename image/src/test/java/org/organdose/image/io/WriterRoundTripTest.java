package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;

/** Every writer, every storage type, straight, oblique and reflected grids: read back unchanged. */
class WriterRoundTripTest {
    @TempDir
    Path dir;

    interface Writer {
        void write(Volume v, StorageType s, Path file) throws Exception;
    }

    interface Reader {
        MedicalImage read(Path file) throws Exception;
    }

    record Format(String name, Writer writer, Reader reader) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Format> formats = List.of(
                new Format("x.nii.gz", NiftiWriter::write, NiftiReader::read),
                new Format("x.nii", NiftiWriter::write, NiftiReader::read),
                new Format("x.nrrd", NrrdWriter::write, NrrdReader::read),
                new Format("x.nhdr", NrrdWriter::write, NrrdReader::read),
                new Format("x.mha", MetaImageWriter::write, MetaImageReader::read),
                new Format("x.mhd", MetaImageWriter::write, MetaImageReader::read));
        List<Arguments> out = new ArrayList<>();
        for (Format f : formats) {
            for (StorageType s : StorageType.values()) {
                out.add(Arguments.of(f, s, "axis-aligned", TestImages.axisAligned()));
                out.add(Arguments.of(f, s, "oblique", TestImages.oblique()));
                out.add(Arguments.of(f, s, "reflected", TestImages.reflected()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void roundTrip(Format format, StorageType storage, String gridName, Geometry grid) throws Exception {
        Volume v = TestImages.pattern(grid, storage);
        Path file = dir.resolve(format.name());
        format.writer().write(v, storage, file);
        Volume back = format.reader().read(file).volume();
        TestImages.assertSameGeometry(back.geometry(), grid, 1e-4);
        assertThat(back.voxels()).containsExactly(v.voxels());
        assertThat(dir.toFile().list()).allMatch(n -> !n.endsWith(".part"));
    }
}
