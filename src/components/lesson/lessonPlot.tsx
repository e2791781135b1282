/** The lesson's small plots share one frame: their size, their padding and their two axes. */
export const WIDTH = 260;
export const HEIGHT = 150;
export const PAD = { left: 30, right: 10, top: 10, bottom: 24 };

/** The x axis along the bottom and the y axis along the left of a lesson plot. */
export function LessonAxes() {
  return (
    <>
      <line
        className="lesson-axis"
        x1={PAD.left}
        y1={HEIGHT - PAD.bottom}
        x2={WIDTH - PAD.right}
        y2={HEIGHT - PAD.bottom}
      />
      <line className="lesson-axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} />
    </>
  );
}
