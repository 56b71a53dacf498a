package app.laurel.publication.web;

import app.laurel.publication.Certificate;
import app.laurel.publication.CertificateService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** {@code /account/certificates.xhtml}: the certificates of one's own entries (and one's unit's), to download. */
@Named
@RequestScoped
public class MyCertificatesBacking {

    @Inject
    private CertificateService certificates;

    private List<Certificate> list;

    public List<Certificate> getList() {
        if (list == null) {
            list = certificates.mine();
        }
        return list;
    }
}
