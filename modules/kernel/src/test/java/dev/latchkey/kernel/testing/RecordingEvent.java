package dev.latchkey.kernel.testing;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link Event} that records what is fired, in order, and hands each event to an optional
 * synchronous observer (as CDI would call an {@code @Observes} method). Only {@link #fire} is
 * supported: the modules fire unqualified events synchronously.
 */
public final class RecordingEvent<T> implements Event<T> {

    private final List<T> fired = new CopyOnWriteArrayList<>();
    private final Consumer<T> observer;

    public RecordingEvent() {
        this(event -> { });
    }

    public RecordingEvent(Consumer<T> observer) {
        this.observer = observer;
    }

    /** Every event fired so far, in order. */
    public List<T> fired() {
        return fired;
    }

    /** The events of one type fired so far, in order. */
    public <E extends T> List<E> of(Class<E> type) {
        return fired.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        fired.clear();
    }

    @Override
    public void fire(T event) {
        fired.add(event);
        observer.accept(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException("events are fired synchronously");
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException("events are fired synchronously");
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException("events are fired unqualified");
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("events are fired unqualified");
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("events are fired unqualified");
    }
}
