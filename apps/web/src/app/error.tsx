"use client";

/** Shown when a page cannot be rendered (a service down): a plain message and a way forward. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p role="alert" className="notice">
        A service this page needs is not answering right now. Your data is safe; please try again in a moment.
      </p>
      <p>
        <button type="button" className="primary" onClick={() => reset()}>
          Try again
        </button>{" "}
        <a href="/">Go to the home page</a>
      </p>
    </>
  );
}
