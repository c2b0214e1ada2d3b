package fr.civicgateway.connectors.open311;

import fr.civicgateway.connectors.web.WebAttachments;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ServiceCategory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The GeoReport v2 shapes of services and requests, field by field as the specification names them. */
final class Open311Json {


    private Open311Json() {
    }

    static Map<String, Object> service(ServiceCategory c, boolean english) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", c.code());
        m.put("service_name", c.name(english));
        m.put("description", c.group() + " : " + c.name(english));
        m.put("metadata", c.hasMetadata());
        m.put("type", "realtime");
        m.put("keywords", String.join(",", c.keywords()));
        m.put("group", c.group());
        return m;
    }

    static Map<String, Object> definition(ServiceCategory c) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        int order = 1;
        for (ServiceCategory.Attribute a : c.attributes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variable", true);
            m.put("code", a.code());
            m.put("datatype", a.datatype().apiName());
            m.put("required", a.required());
            m.put("datatype_description", null);
            m.put("order", order++);
            m.put("description", a.description());
            if (!a.values().isEmpty()) {
                m.put("values", a.values().stream().map(v -> Map.of("key", v.key(), "name", v.name())).toList());
            }
            attributes.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", c.code());
        m.put("attributes", attributes);
        return m;
    }

    /**
     * A stored report as Open311 shows it. The contact and the conversation are never shown.
     *
     * @param zone       the town's time zone ({@code civic.town.time-zone}), the offset of the dates shown
     * @param publicBase {@code civic.public-url}: a web photo's {@code media_url} is under it
     */
    static Map<String, Object> request(Report r, String serviceName, ZoneId zone, String publicBase) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", String.valueOf(r.id()));
        m.put("status", r.status().apiName());
        m.put("status_notes", r.statusNotes());
        m.put("service_name", serviceName);
        m.put("service_code", r.serviceCode());
        m.put("description", r.description());
        m.put("agency_responsible", null);
        m.put("service_notice", null);
        m.put("requested_datetime", datetime(r.createdAt(), zone));
        m.put("updated_datetime", datetime(r.updatedAt(), zone));
        m.put("expected_datetime", null);
        m.put("address", r.location().address());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", r.location().latitude());
        m.put("long", r.location().longitude());
        // A web photo is served by the gateway; a Telegram photo is a file id that only the bot can fetch: none.
        m.put("media_url", WebAttachments.publicUrl(publicBase, r.photoReference()).orElse(null));
        return m;
    }

    static String datetime(Instant t, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone).toOffsetDateTime());
    }
}
