package app.laurel.publication.web;

import app.laurel.platform.error.LaurelException;
import app.laurel.publication.Certificate;
import app.laurel.publication.CertificateService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /verify/{serial}}: what the QR code on a certificate opens. Anyone can check that a certificate is real:
 * holder, work, award, issuer, date and whether it is still valid. An unknown serial says so plainly, on the
 * same page, answered with 404 so that a link checker or a script sees that no such certificate exists. A serial
 * read off paper is typed into the box on the same page ({@code /verify}), which leads to its {@code /verify/{serial}}.
 */
@Named
@RequestScoped
public class VerifyBacking {

    @Inject
    private CertificateService certificates;

    private String serial;
    private Certificate certificate;
    private boolean looked;

    public void load() {
        if (isAsked() && getCertificate() == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public Certificate getCertificate() {
        if (!looked) {
            looked = true;
            try {
                certificate = certificates.verify(serial);
            } catch (LaurelException unknown) {
                certificate = null;
            }
        }
        return certificate;
    }

    /** Whether a serial was given: {@code /verify} alone shows only the box to type one, answered 200. */
    public boolean isAsked() {
        return serial != null && !serial.isBlank();
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }
}
