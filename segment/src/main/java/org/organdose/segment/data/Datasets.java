package org.organdose.segment.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.organdose.image.Organ;
import org.organdose.segment.SegmentationException;

/**
 * Finds the training cases in a folder, recognising its layout:
 * <ul>
 *   <li>OrganDose's own: a case folder (or a folder of them) with {@code ct.nii.gz} or a
 *       {@code ct-dicom/} folder, {@code labels.nii.gz} in our label values and {@code case.json}
 *       whose {@code labelled} list names the organs it labels;</li>
 *   <li>nnU-Net / Medical Segmentation Decathlon: {@code dataset.json}, {@code imagesTr/},
 *       {@code labelsTr/}; label names are mapped to organs;</li>
 *   <li>KiTS19/23: {@code case_XXXXX/imaging.nii.gz} and {@code segmentation.nii.gz};</li>
 *   <li>LiTS: {@code volume-N.nii[.gz]} and {@code segmentation-N.nii[.gz]}.</li>
 * </ul>
 * Cases whose labels were made by a model (our case.json says {@code "labels_by": "MODEL OUTPUT
 * ..."}) get the weight {@code modelLabelWeight}: they are useful, but less trustworthy than
 * manual labels.
 */
public final class Datasets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LITS_VOLUME = Pattern.compile("volume-(\\d+)\\.nii(\\.gz)?");

    private Datasets() {
    }

    /** All cases under {@code root}, sorted by id within the folder. */
    public static List<CaseFiles> discover(Path root, double modelLabelWeight) throws SegmentationException {
        if (!Files.isDirectory(root)) {
            throw new SegmentationException(root + ": not a folder of training cases");
        }
        try {
            if (Files.isRegularFile(root.resolve("case.json"))) {
                return List.of(ownCase(root, modelLabelWeight));
            }
            if (Files.isRegularFile(root.resolve("dataset.json")) && Files.isDirectory(root.resolve("imagesTr"))) {
                return nnUnet(root);
            }
            List<Path> children = sortedChildren(root);
            List<CaseFiles> cases = new ArrayList<>();
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve("case.json"))) {
                    cases.add(ownCase(child, modelLabelWeight));
                } else if (Files.isRegularFile(child.resolve("imaging.nii.gz")) && Files.isRegularFile(child.resolve("segmentation.nii.gz"))) {
                    cases.add(new CaseFiles(child.getFileName().toString(), child.resolve("imaging.nii.gz"),
                            child.resolve("segmentation.nii.gz"), LabelMapping.kits(), 1.0, "KiTS"));
                } else {
                    litsCase(child).ifPresent(cases::add);
                }
            }
            if (cases.isEmpty()) {
                throw new SegmentationException(root + ": no training cases found (expected case folders with case.json,"
                        + " an nnU-Net dataset.json with imagesTr/, KiTS case_XXXXX/ or LiTS volume-N.nii files)");
            }
            return cases;
        } catch (IOException e) {
            throw new SegmentationException(root + ": cannot list training cases: " + e.getMessage(), e);
        }
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static CaseFiles ownCase(Path dir, double modelLabelWeight) throws SegmentationException {
        Path json = dir.resolve("case.json");
        JsonNode node;
        try {
            node = JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new SegmentationException(json + ": unreadable case description: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode list = node.get("labelled");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new SegmentationException(json + ": needs a non-empty \"labelled\" list of organs");
        }
        Set<Organ> labelled = EnumSet.noneOf(Organ.class);
        for (JsonNode n : list) {
            labelled.add(Organ.ofKey(n.asText()).orElseThrow(() -> new SegmentationException(
                    json + ": unknown organ '" + n.asText() + "' in \"labelled\"")));
        }
        Path image = Files.isRegularFile(dir.resolve("ct.nii.gz")) ? dir.resolve("ct.nii.gz") : dir.resolve("ct-dicom");
        if (!Files.exists(image)) {
            throw new SegmentationException(dir + ": no ct.nii.gz or ct-dicom/ found");
        }
        Path labels = dir.resolve("labels.nii.gz");
        if (!Files.isRegularFile(labels)) {
            throw new SegmentationException(dir + ": no labels.nii.gz found");
        }
        String labelsBy = node.path("labels_by").asText("");
        boolean byModel = labelsBy.toLowerCase(Locale.ROOT).startsWith("model output");
        return new CaseFiles(dir.getFileName().toString(), image, labels, LabelMapping.identity(labelled),
                byModel ? modelLabelWeight : 1.0, labelsBy);
    }

    private static List<CaseFiles> nnUnet(Path root) throws SegmentationException, IOException {
        Path json = root.resolve("dataset.json");
        JsonNode node;
        try {
            node = JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new SegmentationException(json + ": unreadable dataset description: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        LabelMapping mapping = LabelMapping.fromNames(labelNames(node.path("labels"), json));
        if (mapping.labelled().isEmpty()) {
            throw new SegmentationException(json + ": none of its labels is liver, kidney or spleen");
        }
        String ending = node.path("file_ending").asText(".nii.gz");
        List<CaseFiles> cases = new ArrayList<>();
        Path labelsDir = root.resolve("labelsTr");
        for (Path label : sortedChildren(labelsDir)) {
            String name = label.getFileName().toString();
            if (name.startsWith(".") || !name.endsWith(ending)) {
                continue;
            }
            String id = name.substring(0, name.length() - ending.length());
            // nnU-Net v2 names channel 0 "<case>_0000"; the MSD keeps the label's own name
            Path image = root.resolve("imagesTr").resolve(id + "_0000" + ending);
            if (!Files.isRegularFile(image)) {
                image = root.resolve("imagesTr").resolve(name);
            }
            if (!Files.isRegularFile(image)) {
                throw new SegmentationException(label + ": no matching image in " + root.resolve("imagesTr"));
            }
            cases.add(new CaseFiles(id, image, label, mapping, 1.0, "nnU-Net/MSD " + root.getFileName()));
        }
        if (cases.isEmpty()) {
            throw new SegmentationException(labelsDir + ": no label files ending in " + ending);
        }
        return cases;
    }

    /** nnU-Net v2 writes {"liver": 1}, v1 and the MSD {"1": "liver"}; region lists are not supported. */
    private static Map<Integer, String> labelNames(JsonNode labels, Path json) throws SegmentationException {
        Map<Integer, String> names = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = labels.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isInt()) {
                names.put(e.getValue().asInt(), e.getKey());
            } else if (e.getKey().matches("\\d+") && e.getValue().isTextual()) {
                names.put(Integer.parseInt(e.getKey()), e.getValue().asText());
            } else {
                throw new SegmentationException(json + ": label '" + e.getKey() + "' is neither name:value nor value:name");
            }
        }
        return names;
    }

    private static Optional<CaseFiles> litsCase(Path file) {
        Matcher m = LITS_VOLUME.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String suffix = m.group(2) == null ? "" : m.group(2);
        Path seg = file.resolveSibling("segmentation-" + m.group(1) + ".nii" + suffix);
        if (!Files.isRegularFile(seg)) {
            return Optional.empty();
        }
        return Optional.of(new CaseFiles("lits-" + m.group(1), file, seg, LabelMapping.lits(), 1.0, "LiTS"));
    }
}
