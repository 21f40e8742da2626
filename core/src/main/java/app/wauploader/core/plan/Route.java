package app.wauploader.core.plan;

import app.wauploader.domain.Service;

/**
 * Where one file goes.
 *
 * @param container Photos album title or Drive folder path
 * @param remoteName the name it gets there
 */
public record Route(Service service, String container, String remoteName) {}
