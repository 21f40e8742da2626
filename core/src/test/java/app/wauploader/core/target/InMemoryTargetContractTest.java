package app.wauploader.core.target;

import app.wauploader.core.target.memory.InMemoryTarget;
import app.wauploader.domain.Service;

class InMemoryTargetContractTest extends TargetContractTest {
  @Override
  protected Target target() {
    return new InMemoryTarget(Service.PHOTOS);
  }

  @Override
  protected String container() {
    return "WhatsApp Images";
  }

  @Override
  protected String storedSha256(Target target, String remoteId) {
    return ((InMemoryTarget) target)
        .items().stream().filter(i -> i.id().equals(remoteId)).findFirst().orElseThrow().sha256();
  }
}
