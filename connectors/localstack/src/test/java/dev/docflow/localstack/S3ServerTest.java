package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class S3ServerTest {

    @Test
    void rendersAFilesystemBackedSignedS3Proxy() {
        Credentials credentials = new Credentials("access", "secret");

        assertThat(S3Server.s3ProxyProperties(9000, credentials, Path.of("/w/s3/data")))
                .containsEntry("s3proxy.endpoint", "http://127.0.0.1:9000")
                .containsEntry("s3proxy.authorization", "aws-v2-or-v4")
                .containsEntry("s3proxy.identity", "access")
                .containsEntry("s3proxy.credential", "secret")
                .containsEntry("jclouds.provider", "filesystem")
                .containsEntry("jclouds.filesystem.basedir", "/w/s3/data");
    }
}
