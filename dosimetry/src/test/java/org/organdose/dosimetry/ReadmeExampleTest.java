package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.SharedData;

/**
 * The README's Java example, compiled as it stands there and run on the shared static study with
 * its true labels: it writes results.json and prints each organ's mean dose as written there.
 */
class ReadmeExampleTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmeExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        Path readme = Path.of("..", "README.md");
        Matcher m = JAVA_BLOCK.matcher(Files.readString(readme));
        assertThat(m.find()).as("a ```java block in the README").isTrue();
        Path source = dir.resolve("src/DoseFromStudy.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, m.group(1));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Assumptions.assumeTrue(compiler != null, "no Java compiler in this runtime");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                source.toString());
        assertThat(rc).as("javac of the README example").isZero();

        Path study = SharedData.resolve("studies/ircad-1.1-lu177-static");
        Path out = dir.resolve("out");
        String printed;
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("DoseFromStudy").getMethod("main", String[].class).invoke(null, (Object) new String[] {
                study.resolve("study.json").toString(), study.resolve("truth_labels.nii.gz").toString(), out.toString()});
        } finally {
            System.setOut(original);
        }
        printed = captured.toString(StandardCharsets.UTF_8);
        JsonNode organs = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("organs");
        List<String> lines = printed.lines().toList();
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            String[] f = line.split(" ");
            assertThat(Double.parseDouble(f[1])).isCloseTo(organs.get(f[0]).get("mean_dose_Gy").asDouble(), within(0.0005));
        }
    }
}
