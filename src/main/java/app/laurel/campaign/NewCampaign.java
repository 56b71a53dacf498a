package app.laurel.campaign;

import app.laurel.platform.error.FieldError;

import java.util.ArrayList;
import java.util.List;

/** What an organiser fills in to start a campaign: a short code for addresses, the title and the document number (文号). */
public record NewCampaign(String code, String title, String documentNo) {

    public NewCampaign {
        code = code == null ? null : code.strip();
        title = title == null ? null : title.strip();
        documentNo = documentNo == null || documentNo.isBlank() ? null : documentNo.strip();
    }

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches(Campaign.CODE_PATTERN)) {
            errors.add(new FieldError("code", "campaign.code.invalid"));
        }
        if (title == null || title.isEmpty() || title.length() > 200) {
            errors.add(new FieldError("title", "validation.length", 1, 200));
        }
        if (documentNo != null && documentNo.length() > 100) {
            errors.add(new FieldError("documentNo", "validation.length", 0, 100));
        }
        return errors;
    }
}
