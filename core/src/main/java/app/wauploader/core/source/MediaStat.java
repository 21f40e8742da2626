package app.wauploader.core.source;

/**
 * What a source says of one file now.
 *
 * @param size bytes, ≥ 0
 * @param mtimeMs last-modified time, epoch ms
 */
public record MediaStat(long size, long mtimeMs) {}
