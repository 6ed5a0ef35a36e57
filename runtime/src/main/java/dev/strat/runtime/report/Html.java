package dev.strat.runtime.report;

/** Escaping for text placed in HTML element content and quoted attribute values. */
public final class Html {

    private Html() {
    }

    /** {@code text} with {@code & < > " '} replaced by entities; control characters but tab and newline dropped. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /**
     * {@code text} as a JSON string literal safe inside an HTML {@code <script>} element: quotes,
     * backslashes and control characters escaped, and {@code < > &} written as {@code \u003c} etc.
     * so no {@code </script>} can end the element early.
     */
    public static String jsonString(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
