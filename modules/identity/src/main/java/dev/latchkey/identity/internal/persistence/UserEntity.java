package dev.latchkey.identity.internal.persistence;

import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.api.UserView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A row of {@code identity_user} with its roles ({@code identity_user_role}). */
@Entity
@Table(name = "identity_user")
public class UserEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, length = 255)
    private String username;

    @Column(name = "email", length = 320)
    private String email;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    @Column(name = "given_name", length = 255)
    private String givenName;

    @Column(name = "family_name", length = 255)
    private String familyName;

    @Column(name = "name", length = 255)
    private String name;

    @Column(name = "middle_name", length = 255)
    private String middleName;

    @Column(name = "nickname", length = 255)
    private String nickname;

    @Column(name = "picture", length = 2048)
    private String picture;

    @Column(name = "website", length = 2048)
    private String website;

    @Column(name = "gender", length = 255)
    private String gender;

    @Column(name = "birthdate", length = 10)
    private String birthdate;

    @Column(name = "zoneinfo", length = 64)
    private String zoneinfo;

    @Column(name = "locale", length = 64)
    private String locale;

    @Column(name = "phone_number", length = 64)
    private String phoneNumber;

    @Column(name = "phone_number_verified", nullable = false)
    private boolean phoneNumberVerified;

    @Column(name = "address_formatted", length = 1024)
    private String addressFormatted;

    @Column(name = "address_street", length = 1024)
    private String addressStreet;

    @Column(name = "address_locality", length = 255)
    private String addressLocality;

    @Column(name = "address_region", length = 255)
    private String addressRegion;

    @Column(name = "address_postal_code", length = 255)
    private String addressPostalCode;

    @Column(name = "address_country", length = 255)
    private String addressCountry;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private UserStatus status;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "identity_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 100)
    private Set<String> roles = new HashSet<>();

    /** For JPA. */
    protected UserEntity() {
    }

    UserEntity(UserView user) {
        this.id = user.id().toString();
        this.username = user.username();
        this.createdAt = user.createdAt();
        apply(user);
    }

    /** Copies the mutable state of {@code user}: profile, status, roles, update time. */
    void apply(UserView user) {
        this.email = user.email();
        this.emailVerified = user.emailVerified();
        this.givenName = user.givenName();
        this.familyName = user.familyName();
        this.name = user.name();
        applyDetails(user.details());
        this.status = user.status();
        this.updatedAt = user.updatedAt();
        this.roles.retainAll(user.roles());
        this.roles.addAll(user.roles());
    }

    private void applyDetails(ProfileDetails details) {
        this.middleName = details.middleName();
        this.nickname = details.nickname();
        this.picture = details.picture();
        this.website = details.website();
        this.gender = details.gender();
        this.birthdate = details.birthdate();
        this.zoneinfo = details.zoneinfo();
        this.locale = details.locale();
        this.phoneNumber = details.phoneNumber();
        this.phoneNumberVerified = details.phoneNumberVerified();
        PostalAddress address = details.address();
        this.addressFormatted = address.formatted();
        this.addressStreet = address.streetAddress();
        this.addressLocality = address.locality();
        this.addressRegion = address.region();
        this.addressPostalCode = address.postalCode();
        this.addressCountry = address.country();
    }

    UserView toView() {
        ProfileDetails details = new ProfileDetails(middleName, nickname, picture, website, gender, birthdate, zoneinfo,
                locale, phoneNumber, phoneNumberVerified, new PostalAddress(addressFormatted, addressStreet,
                addressLocality, addressRegion, addressPostalCode, addressCountry));
        return new UserView(UUID.fromString(id), username, email, emailVerified, givenName, familyName, name, details,
                status, Set.copyOf(roles), createdAt, updatedAt);
    }
}
