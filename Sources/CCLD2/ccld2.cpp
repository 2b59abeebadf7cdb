// CLD2's public header uses FILE* without including <cstdio>.
#include <cstdio>
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include "ccld2.h"

extern "C" void ccld2_detect(const char *utf8, int length, ccld2_result *result) {
    CLD2::Language languages[3];
    int percent[3] = {0, 0, 0};
    int text_bytes = 0;
    bool reliable = false;
    // The plain-text overload: no HTML tag skipping, no hints. Callers pass valid UTF-8
    // (Swift strings are), which is this overload's precondition.
    CLD2::DetectLanguageSummary(utf8, length, true, languages, percent, &text_bytes, &reliable);
    for (int i = 0; i < 3; i++) {
        const char *code = CLD2::LanguageCode(languages[i]);
        std::strncpy(result->code[i], code ? code : "un", sizeof result->code[i] - 1);
        result->code[i][sizeof result->code[i] - 1] = '\0';
        result->percent[i] = percent[i];
    }
    result->text_bytes = text_bytes;
    result->reliable = reliable ? 1 : 0;
}
