package dev.docflow.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePluginTest {
    @Test
    void theDashboardAddressCannotLeaveItsAttribute() {
        assertThat(ConsolePlugin.escapeHtml("http://flink:8081/\"><script>alert('x')</script>"))
                .isEqualTo("http://flink:8081/&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void thePolicyAllowsThisOriginsScriptsAndCallsOnly() {
        assertThat(ConsolePlugin.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'none';")
                .contains("script-src 'self';", "style-src 'self';", "connect-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }
}
