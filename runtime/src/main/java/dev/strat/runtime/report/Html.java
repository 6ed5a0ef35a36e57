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
}
