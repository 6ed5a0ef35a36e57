package dev.strat.runtime.data;

/**
 * A user-facing problem with market data: a malformed file, a missing symbol, a gap too long to
 * fill, a split that does not fit the data. Messages are complete sentences meant to be shown
 * as they are; errors tied to a place in a file read {@code FILE:ROW:COL: message}, where ROW is
 * the 1-based line number (the header is line 1) and COL the 1-based field number.
 */
public final class DataException extends RuntimeException {

    private final String file;
    private final int row;
    private final int column;

    /** An error that is not tied to one cell (a missing symbol, a gap, a bad split). */
    public DataException(String message) {
        super(message);
        this.file = null;
        this.row = 0;
        this.column = 0;
    }

    /**
     * An error at one cell of a file.
     *
     * @param file       the file name as the user gave it
     * @param row        1-based line number
     * @param column     1-based field number
     * @param columnName the header name of that field, repeated in the message
     * @param message    what is wrong, without the location
     */
    public DataException(String file, int row, int column, String columnName, String message) {
        super(file + ":" + row + ":" + column + ": " + (columnName == null ? "" : "column '" + columnName + "': ") + message);
        this.file = file;
        this.row = row;
        this.column = column;
    }

    /** The file the error is in, or null when the error is not tied to a cell. */
    public String file() { return file; }

    /** 1-based line number, 0 when not tied to a cell. */
    public int row() { return row; }

    /** 1-based field number, 0 when not tied to a cell. */
    public int column() { return column; }
}
