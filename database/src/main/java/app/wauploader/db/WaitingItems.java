package app.wauploader.db;

import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import java.time.Instant;

/**
 * Upload items of one service that wait for one reason ({@link UploadItemRepository#waiting}).
 *
 * @param reason why they wait ({@code daily_quota} for paused items)
 * @param files how many
 * @param until the earliest {@code next_attempt_at} among them
 */
public record WaitingItems(Service service, FailureReason reason, int files, Instant until) {}
