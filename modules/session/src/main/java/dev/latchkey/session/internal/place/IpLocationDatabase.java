package dev.latchkey.session.internal.place;

import dev.latchkey.session.api.ApproximatePlace;
import dev.latchkey.session.api.ApproximatePlaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's IP database ({@code latchkey.session.ip-locations}: the path of a DB-IP "IP to
 * City Lite" CSV, gzip-compressed when the name ends with {@code .gz}), read once, on the first
 * lookup, into {@link IpLocationTable}. Without the setting, or when the file cannot be read (a
 * warning says why), there are no places: a session list only loses its place column, logins
 * never depend on it.
 */
@ApplicationScoped
public class IpLocationDatabase implements ApproximatePlaces {

    private static final Logger LOG = Logger.getLogger(IpLocationDatabase.class.getName());

    private Optional<Path> file;
    private volatile Optional<IpLocationTable> table;

    @Inject
    public IpLocationDatabase(@ConfigProperty(name = "latchkey.session.ip-locations") Optional<String> file) {
        this.file = file.map(String::trim).filter(path -> !path.isEmpty()).map(Path::of);
    }

    /** For CDI's client proxy only. */
    protected IpLocationDatabase() {
    }

    @Override
    public boolean available() {
        return table().isPresent();
    }

    @Override
    public Optional<ApproximatePlace> of(String ipAddress) {
        Optional<IpLocationTable> loaded = table();
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        return IpAddress.parse(ipAddress).filter(address -> !address.isNonPublic())
                .flatMap(address -> loaded.get().placeOf(address));
    }

    private Optional<IpLocationTable> table() {
        Optional<IpLocationTable> loaded = table;
        if (loaded == null) {
            synchronized (this) {
                if (table == null) {
                    table = file.flatMap(IpLocationDatabase::load);
                }
                loaded = table;
            }
        }
        return loaded;
    }

    private static Optional<IpLocationTable> load(Path path) {
        try (InputStream raw = Files.newInputStream(path);
             InputStream content = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                     ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader csv = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 1 << 16)) {
            IpLocationTable loaded = IpLocationTable.read(csv);
            LOG.info(() -> "IP database " + path + ": " + loaded.size() + " address ranges");
            return Optional.of(loaded);
        } catch (IOException | RuntimeException unreadable) {
            LOG.log(Level.WARNING, "IP database " + path + " cannot be read; sessions are listed without places: "
                    + (unreadable instanceof NoSuchFileException ? "no such file" : unreadable.getMessage()));
            return Optional.empty();
        }
    }
}
