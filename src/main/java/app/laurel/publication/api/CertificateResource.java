package app.laurel.publication.api;

import app.laurel.platform.api.Params;
import app.laurel.platform.config.LaurelConfig;
import app.laurel.platform.error.InvalidInputException;
import app.laurel.platform.web.PublicResponseFilter;
import app.laurel.platform.web.PublicUrl;
import app.laurel.publication.Certificate;
import app.laurel.publication.CertificateService;
import app.laurel.publication.CertificateTemplate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Honour certificates: template, issue to the winners, list, download the PDF, revoke (organisers); one's own
 * (holders and their units); verification by serial (public, what the QR code leads to).
 */
@Path("certificates")
@RequestScoped
@Tag(name = "certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    public record TemplateJson(String title, String body, String award, String issuer, String issuedOn, Long sealFileId) {
    }

    public record CertificateJson(String serial, String holder, String work, String award, String issuer, LocalDate issuedOn,
                                  String status, String verifyUrl) {
    }

    public record RevokeJson(String reason) {
    }

    @Inject
    private CertificateService certificates;

    @Inject
    private LaurelConfig config;

    @Context
    private HttpServletRequest request;

    @GET
    @Path("template")
    @Operation(summary = "The contest's certificate template (the standard one until saved)")
    public TemplateJson template(@QueryParam("contest") String contest) {
        return json(certificates.template(contest));
    }

    @PUT
    @Path("template")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the template: title, body with {name} {work} {award} {issuer} {date}, award, issuer, date, seal (PNG file id)")
    public TemplateJson saveTemplate(@QueryParam("contest") String contest, TemplateJson body) {
        Params.body(body);
        LocalDate date;
        try {
            date = body.issuedOn() == null ? null : LocalDate.parse(body.issuedOn().strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("issuedOn", "validation.dateTime");
        }
        return json(certificates.saveTemplate(contest, body.title(), body.body(), body.award(), body.issuer(), date, body.sealFileId()));
    }

    @POST
    @Path("issue")
    @Operation(summary = "Issue a certificate to every winner without one; returns all the contest's certificates")
    public List<CertificateJson> issue(@QueryParam("contest") String contest) {
        return certificates.issue(contest).stream().map(this::json).toList();
    }

    @GET
    @Operation(summary = "The contest's certificates (organisers)")
    public List<CertificateJson> list(@QueryParam("contest") String contest) {
        return certificates.certificates(contest).stream().map(this::json).toList();
    }

    @GET
    @Path("mine")
    @Operation(summary = "The caller's certificates (and their unit's, for unit administrators)")
    public List<CertificateJson> mine() {
        return certificates.mine().stream().map(this::json).toList();
    }

    @GET
    @Path("{serial}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The certificate as PDF: for organisers, the holder and the holder's unit")
    public Response pdf(@PathParam("serial") String serial) {
        return Response.ok(certificates.pdf(serial, PublicUrl.of(request, config)))
                .header("Content-Disposition", "inline; filename=\"" + serial + ".pdf\"").header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("{serial}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a certificate with a reason; verification then answers REVOKED")
    public CertificateJson revoke(@PathParam("serial") String serial, RevokeJson body) {
        return json(certificates.revoke(serial, Params.body(body).reason()));
    }

    @GET
    @Path("verify/{serial}")
    @Operation(summary = "Verify a certificate (public): holder, work, award, issuer, date and VALID or REVOKED", description = PublicResponseFilter.DESCRIBED)
    public CertificateJson verify(@PathParam("serial") String serial) {
        return json(certificates.verify(serial));
    }

    private CertificateJson json(Certificate c) {
        return new CertificateJson(c.getSerial(), c.getHolder(), c.getWork(), c.getAward(), c.getIssuer(), c.getIssuedOn(),
                c.getStatus(), PublicUrl.of(request, config) + "/verify/" + c.getSerial());
    }

    private static TemplateJson json(CertificateTemplate t) {
        return new TemplateJson(t.getTitle(), t.getBody(), t.getAward(), t.getIssuer(), t.getIssuedOn().toString(),
                t.getSeal() == null ? null : t.getSeal().getId());
    }
}
