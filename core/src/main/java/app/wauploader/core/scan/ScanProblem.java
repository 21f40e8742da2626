package app.wauploader.core.scan;

import java.nio.file.Path;

/** A path the scanner could not read, with a one-line reason. */
public record ScanProblem(Path path, String reason) {}
