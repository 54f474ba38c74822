package uz.aurelle.auth.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.aurelle.common.error.ApiException;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+998901234567", "+998 90 123 45 67", "+998 (90) 123-45-67", "998901234567",
            "00998901234567", "901234567", "(90) 123-45-67", " 90.123.45.67 "})
    void commonUzbekFormatsNormalise(String input) {
        assertThat(Identifiers.normalisePhone(input)).isEqualTo("+998901234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+7 901 234 56 78", "+99890123456", "+9989012345678", "12345", "90123456a",
            "+998-90-123-45-6x", "++998901234567", "", "+", "998 90 123 45 67 89", "+1 998 901 234 567",
            "'; drop table users; --", "٩٠١٢٣٤٥٦٧"})
    void everythingElseIsRefused(String input) {
        assertThatThrownBy(() -> Identifiers.normalisePhone(input))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_phone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "two@@example.uz", "sp ace@example.uz", "no-at-sign.uz"})
    void badEmailsAreRefused(String input) {
        assertThatThrownBy(() -> Identifiers.normaliseEmail(input))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dilnoza@Example.UZ", "  dilnoza@example.uz "})
    void emailsAreLowerCasedAndTrimmed(String input) {
        assertThat(Identifiers.normaliseEmail(input)).isEqualTo("dilnoza@example.uz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+998901234567"})
    void maskingKeepsOnlyTheLastTwoDigits(String phone) {
        assertThat(Identifiers.maskPhone(phone)).isEqualTo("+998*******67").doesNotContain("1234");
    }
}
