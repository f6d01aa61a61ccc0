package dev.latchkey.kernel.testing;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Just enough of a JAX-RS runtime to build the {@link Response}s the resources return and parse
 * media types, so the resources can be unit-tested without a server. Everything else throws.
 */
public final class TestRuntimeDelegate extends RuntimeDelegate {

    /** Installs this runtime; idempotent. */
    public static void install() {
        RuntimeDelegate.setInstance(new TestRuntimeDelegate());
    }

    @Override
    public Response.ResponseBuilder createResponseBuilder() {
        return new Builder();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
        if (type != MediaType.class) {
            throw new UnsupportedOperationException(type.getName());
        }
        return (HeaderDelegate<T>) new HeaderDelegate<MediaType>() {
            @Override
            public MediaType fromString(String value) {
                String[] parts = value.split(";")[0].trim().split("/");
                Map<String, String> parameters = new HashMap<>();
                return new MediaType(parts[0], parts.length > 1 ? parts[1] : "*", parameters);
            }

            @Override
            public String toString(MediaType value) {
                return value.getType() + "/" + value.getSubtype();
            }
        };
    }

    @Override
    public UriBuilder createUriBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T createEndpoint(Application application, Class<T> endpointType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Link.Builder createLinkBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SeBootstrap.Configuration.Builder createConfigurationBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<SeBootstrap.Instance> bootstrap(Application application, SeBootstrap.Configuration configuration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<SeBootstrap.Instance> bootstrap(Class<? extends Application> clazz,
                                                           SeBootstrap.Configuration configuration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EntityPart.Builder createEntityPartBuilder(String partName) {
        throw new UnsupportedOperationException();
    }

    /** A response builder that records status, entity and headers. */
    private static final class Builder extends Response.ResponseBuilder {

        private int status = 200;
        private Object entity;
        private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        @Override
        public Response build() {
            return new Built(status, entity, headers);
        }

        @Override
        public Response.ResponseBuilder clone() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder status(int status, String reasonPhrase) {
            return status(status);
        }

        @Override
        public Response.ResponseBuilder status(int status) {
            this.status = status;
            return this;
        }

        @Override
        public Response.ResponseBuilder entity(Object entity) {
            this.entity = entity;
            return this;
        }

        @Override
        public Response.ResponseBuilder entity(Object entity, Annotation[] annotations) {
            return entity(entity);
        }

        @Override
        public Response.ResponseBuilder header(String name, Object value) {
            headers.add(name, value);
            return this;
        }

        @Override
        public Response.ResponseBuilder type(MediaType type) {
            return header("Content-Type", type);
        }

        @Override
        public Response.ResponseBuilder type(String type) {
            return header("Content-Type", type);
        }

        @Override
        public Response.ResponseBuilder location(URI location) {
            return header("Location", location);
        }

        @Override
        public Response.ResponseBuilder allow(String... methods) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder allow(Set<String> methods) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder cacheControl(CacheControl cacheControl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder encoding(String encoding) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder replaceAll(MultivaluedMap<String, Object> headers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder language(String language) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder language(Locale language) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder variant(Variant variant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder contentLocation(URI location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder cookie(NewCookie... cookies) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder expires(Date expires) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder lastModified(Date lastModified) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder tag(EntityTag tag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder tag(String tag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder variants(Variant... variants) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder variants(List<Variant> variants) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder links(Link... links) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder link(URI uri, String rel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.ResponseBuilder link(String uri, String rel) {
            throw new UnsupportedOperationException();
        }
    }

    /** A built response: status, entity, headers. */
    private static final class Built extends Response {

        private final int status;
        private final Object entity;
        private final MultivaluedMap<String, Object> headers;

        Built(int status, Object entity, MultivaluedMap<String, Object> headers) {
            this.status = status;
            this.entity = entity;
            this.headers = headers;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public StatusType getStatusInfo() {
            return Status.fromStatusCode(status);
        }

        @Override
        public Object getEntity() {
            return entity;
        }

        @Override
        public boolean hasEntity() {
            return entity != null;
        }

        @Override
        public MultivaluedMap<String, Object> getMetadata() {
            return headers;
        }

        @Override
        public String getHeaderString(String name) {
            List<Object> values = headers.get(name);
            return values == null ? null : String.join(",", values.stream().map(String::valueOf).toList());
        }

        @Override
        public URI getLocation() {
            return (URI) headers.getFirst("Location");
        }

        @Override
        public <T> T readEntity(Class<T> entityType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T readEntity(GenericType<T> entityType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T readEntity(Class<T> entityType, Annotation[] annotations) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T readEntity(GenericType<T> entityType, Annotation[] annotations) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean bufferEntity() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }

        @Override
        public MediaType getMediaType() {
            return (MediaType) headers.getFirst("Content-Type");
        }

        @Override
        public Locale getLanguage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getLength() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> getAllowedMethods() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, NewCookie> getCookies() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EntityTag getEntityTag() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getDate() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Date getLastModified() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Link> getLinks() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasLink(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Link getLink(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Link.Builder getLinkBuilder(String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, String> getStringHeaders() {
            throw new UnsupportedOperationException();
        }
    }
}
