export function BrandMark() {
  return (
    <svg className="brand__mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path
        d="M7 22l6-7 5 4 7-9"
        fill="none"
        stroke="var(--brand-ink, #0b4f8a)"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
