package app.laurel.identity.web;

import app.laurel.identity.AccountDetails;

import java.io.Serializable;

/** The personal fields shared by the registration page and the organiser's account form, as typed. */
public class AccountForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String username;
    private String displayName;
    private String phone;
    private String email;

    public AccountDetails toDetails() {
        return AccountDetails.normalised(username, displayName, phone, email);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
