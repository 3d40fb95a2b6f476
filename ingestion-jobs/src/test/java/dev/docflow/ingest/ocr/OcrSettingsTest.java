package dev.docflow.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcrSettingsTest {
    @Test
    void defaultsFindTheInstalledEnglishModel() {
        assertThat(Path.of(OcrSettings.DEFAULTS.tessdataPath(), "eng.traineddata")).matches(Files::isRegularFile);
        assertThat(OcrSettings.DEFAULTS.languageList()).containsExactly("eng");
    }

    @Test
    void languagesAreSplitOnPlusInTesseractsOrder() {
        assertThat(OcrSettings.DEFAULTS.withLanguages("deu+eng+chi_sim").languageList())
                .isEqualTo(List.of("deu", "eng", "chi_sim"));
    }

    @Test
    void malformedSettingsAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> OcrSettings.DEFAULTS.withLanguages("eng, deu"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'eng+deu'");
        assertThatThrownBy(() -> OcrSettings.DEFAULTS.withDpi(20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dpi");
        assertThatThrownBy(() -> OcrSettings.DEFAULTS.withMaxImagePixels(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxImagePixels");
    }

    @Test
    void settingsTravelWithTheJob() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(OcrSettings.DEFAULTS);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(OcrSettings.DEFAULTS);
        }
    }

    @Test
    void aThinTextLayerCountsOnlyLettersAndDigits() {
        ThinTextLayerRule rule = new ThinTextLayerRule(OcrSettings.DEFAULTS);

        assertThat(rule.needsOcr(null)).isTrue();
        assertThat(rule.needsOcr("Page 3 " + ".".repeat(200) + " \n\n\n")).isTrue();
        assertThat(rule.needsOcr("The bearing temperature stayed below sixty degrees all week.")).isFalse();
    }
}
