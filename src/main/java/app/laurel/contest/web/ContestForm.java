package app.laurel.contest.web;

import app.laurel.contest.Category;
import app.laurel.contest.Contest;
import app.laurel.contest.EntryRule;
import app.laurel.contest.EntryType;

import java.io.Serializable;
import java.util.stream.Collectors;

/** The set-up form's plain fields; categories are edited one per line, video sizes in MB and durations in minutes. */
public class ContestForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String code;
    private String title;
    private String theme;
    private String description;
    private String organisingBody;
    private String undertakingBody;
    private String coOrganisingBody;
    private String contact;
    private String categories;
    private boolean stories = true;
    private int minChars = 300;
    private int maxChars = 5000;
    private int maxImages = 9;
    private boolean attachmentAllowed = true;
    private boolean videos;
    private long maxVideoMegabytes = 4096;
    private Integer minMinutes;
    private Integer maxMinutes;
    private int publicEntryLimit = 3;
    private boolean publicNeedsRecommendation;
    /** The version the organiser loaded; travels in a hidden field so a save from a stale page is refused. */
    private Long version;

    static ContestForm of(Contest contest) {
        ContestForm form = new ContestForm();
        form.code = contest.getCode();
        form.title = contest.getTitle();
        form.theme = contest.getTheme();
        form.description = contest.getDescription();
        form.organisingBody = contest.getOrganisingBody();
        form.undertakingBody = contest.getUndertakingBody();
        form.coOrganisingBody = contest.getCoOrganisingBody();
        form.contact = contest.getContact();
        form.categories = contest.getCategories().stream().map(Category::getName).collect(Collectors.joining("\n"));
        EntryRule story = contest.rule(EntryType.STORY).orElse(null);
        form.stories = story != null;
        if (story != null) {
            form.minChars = story.getMinChars();
            form.maxChars = story.getMaxChars();
            form.maxImages = story.getMaxImages();
            form.attachmentAllowed = story.isAttachmentAllowed();
        }
        EntryRule video = contest.rule(EntryType.VIDEO).orElse(null);
        form.videos = video != null;
        if (video != null) {
            form.maxVideoMegabytes = video.getMaxVideoBytes() / (1024 * 1024);
            form.minMinutes = video.getMinSeconds() == null ? null : video.getMinSeconds() / 60;
            form.maxMinutes = video.getMaxSeconds() == null ? null : video.getMaxSeconds() / 60;
        }
        form.publicEntryLimit = contest.getPublicEntryLimit();
        form.publicNeedsRecommendation = contest.isPublicNeedsRecommendation();
        form.version = contest.getVersion();
        return form;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getOrganisingBody() { return organisingBody; }
    public void setOrganisingBody(String organisingBody) { this.organisingBody = organisingBody; }
    public String getUndertakingBody() { return undertakingBody; }
    public void setUndertakingBody(String undertakingBody) { this.undertakingBody = undertakingBody; }
    public String getCoOrganisingBody() { return coOrganisingBody; }
    public void setCoOrganisingBody(String coOrganisingBody) { this.coOrganisingBody = coOrganisingBody; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
    public String getCategories() { return categories; }
    public void setCategories(String categories) { this.categories = categories; }
    public boolean isStories() { return stories; }
    public void setStories(boolean stories) { this.stories = stories; }
    public int getMinChars() { return minChars; }
    public void setMinChars(int minChars) { this.minChars = minChars; }
    public int getMaxChars() { return maxChars; }
    public void setMaxChars(int maxChars) { this.maxChars = maxChars; }
    public int getMaxImages() { return maxImages; }
    public void setMaxImages(int maxImages) { this.maxImages = maxImages; }
    public boolean isAttachmentAllowed() { return attachmentAllowed; }
    public void setAttachmentAllowed(boolean attachmentAllowed) { this.attachmentAllowed = attachmentAllowed; }
    public boolean isVideos() { return videos; }
    public void setVideos(boolean videos) { this.videos = videos; }
    public long getMaxVideoMegabytes() { return maxVideoMegabytes; }
    public void setMaxVideoMegabytes(long maxVideoMegabytes) { this.maxVideoMegabytes = maxVideoMegabytes; }
    public Integer getMinMinutes() { return minMinutes; }
    public void setMinMinutes(Integer minMinutes) { this.minMinutes = minMinutes; }
    public Integer getMaxMinutes() { return maxMinutes; }
    public void setMaxMinutes(Integer maxMinutes) { this.maxMinutes = maxMinutes; }
    public int getPublicEntryLimit() { return publicEntryLimit; }
    public void setPublicEntryLimit(int publicEntryLimit) { this.publicEntryLimit = publicEntryLimit; }
    public boolean isPublicNeedsRecommendation() { return publicNeedsRecommendation; }
    public void setPublicNeedsRecommendation(boolean publicNeedsRecommendation) { this.publicNeedsRecommendation = publicNeedsRecommendation; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
