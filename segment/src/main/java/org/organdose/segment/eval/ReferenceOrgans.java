package org.organdose.segment.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.segment.SegmentationException;

/**
 * Which organs a reference label map labels: the {@code labelled} list of a {@code case.json}
 * beside it when there is one (a liver-only reference must not count missing kidneys as
 * background), else the organs that have at least one voxel in it.
 */
public final class ReferenceOrgans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceOrgans() {
    }

    public static Set<Organ> of(Path referenceFile, LabelMap reference) throws SegmentationException {
        Path parent = referenceFile.toAbsolutePath().getParent();
        Path caseJson = parent == null ? null : parent.resolve("case.json");
        if (caseJson != null && Files.isRegularFile(caseJson)) {
            try {
                JsonNode list = JSON.readTree(caseJson.toFile()).get("labelled");
                if (list != null && list.isArray()) {
                    Set<Organ> organs = EnumSet.noneOf(Organ.class);
                    for (JsonNode n : list) {
                        organs.add(Organ.ofKey(n.asText()).orElseThrow(() -> new SegmentationException(
                                caseJson + ": unknown organ '" + n.asText() + "' in \"labelled\"")));
                    }
                    return organs;
                }
            } catch (IOException e) {
                throw new SegmentationException(caseJson + ": unreadable case description: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        Set<Organ> present = EnumSet.noneOf(Organ.class);
        for (Organ o : Organ.values()) {
            if (reference.count(o.label()) > 0) {
                present.add(o);
            }
        }
        return present;
    }
}
