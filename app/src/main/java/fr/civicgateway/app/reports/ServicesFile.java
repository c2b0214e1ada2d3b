package fr.civicgateway.app.reports;

import fr.civicgateway.core.reports.ReportCategories;
import fr.civicgateway.core.reports.ServiceCategory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code open311-services.yml} into the report categories. Every problem fails the start-up with an
 * {@link IllegalStateException} naming the file and the entry ("services[3] (graffiti): name-en must not be empty").
 */
public final class ServicesFile {

    private ServicesFile() {
    }

    public static ReportCategories load(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("report categories: cannot read " + file.toAbsolutePath()
                    + " (civic.reports.services-file)");
        }
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        return parse(root, file.getFileName().toString());
    }

    static ReportCategories parse(Object root, String source) {
        if (!(root instanceof Map<?, ?> map) || !(map.get("services") instanceof List<?> services) || services.isEmpty()) {
            throw new IllegalStateException(source + ": expected a non-empty list under \"services\"");
        }
        List<ServiceCategory> out = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            Object entry = services.get(i);
            String where = source + ": services[" + i + "]";
            if (!(entry instanceof Map<?, ?> s)) {
                throw new IllegalStateException(where + ": expected code, name-fr, name-en, group, keywords");
            }
            where += " (" + s.get("code") + ")";
            try {
                out.add(new ServiceCategory(string(s.get("code")), string(s.get("name-fr")), string(s.get("name-en")),
                        strings(s.get("keywords"), "keywords"), string(s.get("group")), attributes(s.get("attributes"))));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return ReportCategories.of(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<ServiceCategory.Attribute> attributes(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            throw new IllegalArgumentException("attributes must be a list");
        }
        List<ServiceCategory.Attribute> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> a)) {
                throw new IllegalArgumentException("each attribute needs code, datatype, required, description");
            }
            String code = string(a.get("code"));
            String datatype = string(a.get("datatype"));
            ServiceCategory.Datatype type;
            try {
                type = ServiceCategory.Datatype.valueOf(datatype == null ? "" : datatype.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attribute " + code + ": unknown datatype " + datatype
                        + " (string, number, datetime, text, singlevaluelist, multivaluelist)");
            }
            List<ServiceCategory.Value> values = new ArrayList<>();
            if (a.get("values") instanceof List<?> vs) {
                for (Object v : vs) {
                    if (!(v instanceof Map<?, ?> vm) || vm.get("key") == null || vm.get("name") == null) {
                        throw new IllegalArgumentException("attribute " + code + ": each value needs a key and a name");
                    }
                    values.add(new ServiceCategory.Value(String.valueOf(vm.get("key")), String.valueOf(vm.get("name"))));
                }
            }
            out.add(new ServiceCategory.Attribute(code, type, Boolean.TRUE.equals(a.get("required")),
                    string(a.get("description")), values));
        }
        return out;
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static List<String> strings(Object o, String what) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
