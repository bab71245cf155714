package xenpt.observed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser of xe record output (xen-facts §1.1): {@code label ( RO): value} lines whose {@code ": "} sits at the same
 * column in every line of a record (the first label is padded on the right, the others on the left), two blank
 * lines after each record. Values are not escaped, so a value may hold {@code "; "}, {@code ": "}, quotes, any
 * unicode and even newlines; a line that is not a field at the record's column continues the previous value.
 * A record is <em>clean</em> when nothing was ambiguous (no continuation lines, no repeated field); callers re-read
 * the fields of an unclean record one by one with {@code *-param-get}.
 */
public final class XeRecords {

    /** @param fields field name → value, in printed order */
    public record XeRecord(Map<String, String> fields, boolean clean) {
        public XeRecord {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public String get(String field) {
            return fields.getOrDefault(field, "");
        }
    }

    private static final Pattern FIELD = Pattern.compile(
            "( *)([A-Za-z0-9][A-Za-z0-9_.:-]*) \\(( RO| RW|MRO|MRW|SRO|SRW)\\)( \\[DEPRECATED\\])?( *):(?: (.*))?");

    private XeRecords() {}

    public static List<XeRecord> parse(String text) {
        List<XeRecord> records = new ArrayList<>();
        Builder cur = null;
        int blanks = 0;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                blanks++;
                continue;
            }
            Matcher m = FIELD.matcher(line);
            boolean field = m.matches();
            int column = field ? line.length() - (m.group(6) == null ? 1 : m.group(6).length() + 2) : -1;
            if (field && (cur == null || m.group(2).equals(cur.firstField))) {
                if (cur != null) records.add(cur.build());
                cur = new Builder(m.group(2), column);
                cur.put(m.group(2), value(m));
            } else if (cur == null) {
                // text before the first record (e.g. a warning): not part of any record
            } else if (field && column == cur.column) {
                cur.put(m.group(2), value(m));
            } else {
                cur.continueValue("\n".repeat(blanks + 1) + line);
            }
            blanks = 0;
        }
        if (cur != null) records.add(cur.build());
        return records;
    }

    private static String value(Matcher m) {
        return m.group(6) == null ? "" : m.group(6);
    }

    private static final class Builder {
        final String firstField;
        final int column;
        final Map<String, String> fields = new LinkedHashMap<>();
        String last;
        boolean clean = true;

        Builder(String firstField, int column) {
            this.firstField = firstField;
            this.column = column;
        }

        void put(String name, String value) {
            if (fields.containsKey(name)) clean = false;
            fields.put(name, value);
            last = name;
        }

        void continueValue(String more) {
            clean = false;
            fields.merge(last, more, String::concat);
        }

        XeRecord build() {
            return new XeRecord(fields, clean);
        }
    }
}
